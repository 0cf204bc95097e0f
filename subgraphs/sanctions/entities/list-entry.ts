import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

@ObjectType({ description: '名单条目 (红名单 / 黑名单 / 重点关注名单)' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'list_entry' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['subjectUscc'] })
@Index({ properties: ['list', 'status', 'decidedAt'] })
export class ListEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** 统一社会信用代码 as designated: screening matches on it. */
  @Property({ length: 18 })
  subjectUscc!: string;

  /** 主体名称 as designated (the published list shows it). */
  @Property()
  subjectName!: string;

  @Field(() => CreditList, { description: '名单' })
  @Enum(() => CreditList)
  list!: CreditList;

  @Field(() => ListEntryStatus, { description: '状态' })
  @Enum(() => ListEntryStatus)
  status!: ListEntryStatus;

  @Field({ description: '列入事由' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: '认定依据' })
  @Property({ type: 'text' })
  basis!: string;

  @Field({ description: '认定文书号' })
  @Property()
  decisionNo!: string;

  /** 认定部门; resolved to a Department. */
  @Property({ length: 32 })
  decidedByCode!: string;

  @Field(() => DateScalar, { description: '认定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); 届满自动移出' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;
}
