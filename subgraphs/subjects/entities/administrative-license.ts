import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { LicenseCategory, LicenseStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';
import { ReportedRecord } from './reported-record';

@ObjectType({ description: '行政许可 (双公示)' })
@Entity({ tableName: 'administrative_license' })
@Index({ properties: ['subjectId', 'decidedAt'] })
@Unique({ properties: ['authorityCode', 'licenseNo'] })
export class AdministrativeLicense extends ReportedRecord {
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

  @Field(() => String, { nullable: true, description: '许可类别为“其他”时注明的具体类别 (其他-备案 → 备案)' })
  @Property({ length: 32, nullable: true })
  categoryDetail!: string | null;

  @Field({ description: '许可内容' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => DateScalar, { description: '许可决定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  @Field(() => DateScalar, { description: '有效期自' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至; null = 长期 (reported empty or as 2099-12-31)' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => LicenseStatus, {
    description: '当前状态: 有效 / 无效 (revoked, withdrawn or cancelled by its authority)',
  })
  @Enum({ items: () => LicenseStatus, default: LicenseStatus.VALID })
  status!: LicenseStatus;

  @Field(() => Date, { nullable: true, description: '当前状态变为无效的时间 (revokeLicense, or a report saying 无效)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'datetime', nullable: true })
  invalidatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '无效的原因 (撤销、撤回、注销的决定或文书号)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'text', nullable: true })
  invalidationReason!: string | null;
}
