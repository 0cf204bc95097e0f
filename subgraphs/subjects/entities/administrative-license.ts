import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LicenseCategory } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

@ObjectType({ description: '行政许可 (双公示)' })
@Entity({ tableName: 'administrative_license' })
@Index({ properties: ['subjectId', 'decidedAt'] })
@Unique({ properties: ['authorityCode', 'licenseNo'] })
export class AdministrativeLicense {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: '行政许可决定文书名称' })
  @Property()
  documentName!: string;

  @Field({ description: '行政许可决定文书号 (with the authority, the natural key of a licence)' })
  @Property()
  licenseNo!: string;

  @Field(() => String, { nullable: true, description: '许可证书名称' })
  @Property({ nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: '许可编号' })
  @Property({ nullable: true })
  certificateNo!: string | null;

  @Field(() => LicenseCategory, { description: '许可类别' })
  @Enum(() => LicenseCategory)
  category!: LicenseCategory;

  @Field({ description: '许可内容' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => DateScalar, { description: '许可决定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  @Field(() => DateScalar, { description: '有效期自' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至; null = 长期' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** 许可机关; resolved to a Department. */
  @Property({ length: 32 })
  authorityCode!: string;

  /** 数据来源单位 */
  @Property({ length: 32 })
  dataSourceCode!: string;

  /** 报送时间: internal, exposed by the record resolver to the reporting department. */
  @Property({ type: 'datetime' })
  reportedAt!: Date;
}
