import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ObjectionOutcome, ObjectionStatus, ObjectionTarget } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { RepairChannel } from '../rules/channel';
import './enums';

/**
 * 异议案件 (issue 18): the subject holds a record about it wrong — a penalty, a licence, another
 * administrative action, a list entry or its district evaluation — and asks whoever provided it to
 * correct or withdraw it. Filed by the
 * subject online or at the window, with the same receipt (受理编号 GSYY-…, 查询码) as a repair case.
 */
@ObjectType({
  description: '异议案件 (needs credit:read wherever it appears; the subject itself reads its own cases)',
})
@RequiresScopes([SCOPES.read], [SCOPES.self])
@Directive('@key(fields: "id")')
@Entity({ tableName: 'objection_case' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['targetId'] })
@Unique({ name: 'objection_case_case_number_unique', properties: ['caseNumber'] })
// One open objection per record: a second one waits for the first (the service answers OPEN_OBJECTION first).
@Index({
  name: 'objection_case_open_target_unique',
  expression: `create unique index "objection_case_open_target_unique" on "repairs"."objection_case" ("target_id") where "status" in ('SUBMITTED', 'ACCEPTED')`,
})
export class ObjectionCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => ObjectionTarget, { description: '异议对象类别' })
  @Enum(() => ObjectionTarget)
  target!: ObjectionTarget;

  @Field(() => ID, {
    description: '异议对象 id (行政处罚、行政许可、其他行政行为或名单条目的 id; 综合评价结果: 主体 id)',
  })
  @Property({ type: 'uuid' })
  targetId!: string;

  @Field(() => RepairChannel, { description: '申请渠道' })
  @Enum(() => RepairChannel)
  channel!: RepairChannel;

  @Field({ description: '受理编号 (GSYY-YYYY-NNNNNNNN, printed on the 受理回执)' })
  @Property({ length: 20 })
  caseNumber!: string;

  /** SHA-256 of the 查询码 (rules/query-code.ts): the code itself is shown once, in the receipt. */
  @Property({ length: 64 })
  queryCodeHash!: string;

  /** Wrong query codes in a row (services/progress.ts). */
  @Property({ default: 0 })
  lookupFailures: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  lookupLockedUntil!: Date | null;

  @Field({ description: '异议理由 (信息错误、遗漏或不应公示的事实)' })
  @Property({ type: 'text' })
  grounds!: string;

  @Field(() => String, { nullable: true, description: '证明材料 (文书编号、说明)' })
  @Property({ type: 'text', nullable: true })
  evidence!: string | null;

  @Field(() => ObjectionStatus, { description: '状态' })
  @Enum(() => ObjectionStatus)
  status!: ObjectionStatus;

  /**
   * 办理部门: the department that reported the record; resolved to a Department. Null for an objection
   * to the district evaluation: the credit office, which runs it, handles it (rules/access.ts).
   */
  @Property({ length: 32, nullable: true })
  handledByCode!: string | null;

  @Field({ description: '申请时间' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => DateScalar, { description: '受理期限 (repairs.repair_deadline_rule, kind OBJECTION)' })
  @Property({ type: 'date' })
  intakeDueOn!: string;

  @Field(() => Boolean, { description: '受理期限按暂定日历推算 (recomputed when the notice is loaded)' })
  @Property({ type: 'boolean', default: false })
  intakeDueOnProvisional: Opt<boolean> = false;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: '核查决定期限 (受理后工作日); null before acceptance' })
  @Property({ type: 'date', nullable: true })
  decisionDueOn!: string | null;

  @Field(() => Boolean, { description: '决定期限按暂定日历推算; false before acceptance' })
  @Property({ type: 'boolean', default: false })
  decisionDueOnProvisional: Opt<boolean> = false;

  @Field(() => Date, { nullable: true, description: '决定时间 (异议成立 / 异议不成立)' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  /** 决定部门; resolved to a Department. */
  @Property({ length: 32, nullable: true })
  decidedByCode!: string | null;

  @Field(() => ObjectionOutcome, { nullable: true, description: '异议成立后的处理: 撤回 / 更正; null otherwise' })
  @Enum({ items: () => ObjectionOutcome, nullable: true })
  outcome!: ObjectionOutcome | null;

  @Field(() => String, { nullable: true, description: '决定意见 (异议成立的处理，或异议不成立的理由)' })
  @Property({ type: 'text', nullable: true })
  decisionNote!: string | null;
}
