import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ObjectionMarkedRecord } from '../../../shared/db/objection-marked-record';
import { AuthorityKind, CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

/** Its 异议处理中 mark (ObjectionMarkedRecord) is for objections after publication; before it, the status OBJECTED says so. */
@ObjectType({ description: '名单条目 (红名单 / 黑名单 / 重点关注名单)' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'list_entry' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['subjectUscc'] })
@Index({ properties: ['list', 'status', 'decidedAt'] })
export class ListEntry extends ObjectionMarkedRecord {
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

  /** Stored status; the status field reads it through effectiveStatus (expiry). */
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

  /** 认定部门 (for an external authority's entry: the department that recorded it here); resolved to a Department. */
  @Property({ length: 32 })
  decidedByCode!: string;

  /** 名单类别 (list_kind.code): every entry has one; resolved to a ListKind. */
  @Property({ length: 48 })
  listKind!: string;

  @Field(() => AuthorityKind, { description: '认定单位类别 (谁认定、谁修复)' })
  @Enum(() => AuthorityKind)
  designatingAuthorityKind!: AuthorityKind;

  @Field({ description: '认定单位 (as designated)' })
  @Property()
  designatingAuthority!: string;

  /** Whether repairs has been told the entry's kind (list-entry.changed); false for entries recorded before kinds, announced once at start. */
  @Property({ default: false })
  kindAnnounced!: boolean;

  @Field(() => DateScalar, { description: '认定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期自; null = 认定日期' })
  @Property({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); 届满自动移出' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** 报送时间: when the entry reached the platform (§15 reporting deadlines). */
  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: '告知日期' })
  @Property({ type: 'date', nullable: true })
  notifiedAt!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '异议期截止日 (含)' })
  @Property({ type: 'date', nullable: true })
  objectionDeadline!: string | null;

  @Field(() => Boolean, {
    description:
      '异议期截止日按暂定日历推算 (true: counted over a year whose State Council notice is not loaded; recomputed when it is)',
  })
  @Property({ type: 'boolean', default: false })
  objectionDeadlineProvisional: Opt<boolean> = false;

  @Field(() => String, { nullable: true, description: '移出原因' })
  @Property({ type: 'text', nullable: true })
  removalReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '下发来源平台 (国家、省下发的名单, e.g. credit-china); null for an entry designated in the district',
  })
  @Property({ length: 64, nullable: true })
  sourcePlatform: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: '来源编号 (the issuer’s id of the entry); null with sourcePlatform',
  })
  @Property({ length: 128, nullable: true })
  sourceKey: string | null = null;
}
