import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RepairStatus, RepairTarget } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { RepairChannel } from '../rules/channel';
import './enums';

@ObjectType({
  description: '信用修复案件 (needs credit:read wherever it appears; the subject itself reads its own cases)',
})
@RequiresScopes([SCOPES.read], [SCOPES.self])
@Directive('@key(fields: "id")')
@Entity({ tableName: 'repair_case' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['targetId'] })
@Unique({ name: 'repair_case_case_number_unique', properties: ['caseNumber'] })
// One open case per target: a second application waits for the first (the resolver answers OPEN_CASE first).
@Index({
  name: 'repair_case_open_target_unique',
  expression: `create unique index "repair_case_open_target_unique" on "repairs"."repair_case" ("target_id") where "status" in ('SUBMITTED', 'ACCEPTED')`,
})
export class RepairCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => RepairTarget, { description: '修复对象类别' })
  @Enum(() => RepairTarget)
  target!: RepairTarget;

  @Field(() => ID, { description: '修复对象 id (行政处罚或名单条目)' })
  @Property({ type: 'uuid' })
  targetId!: string;

  @Field(() => RepairStatus, { description: '状态' })
  @Enum(() => RepairStatus)
  status!: RepairStatus;

  @Field(() => RepairChannel, { description: '申请渠道 (cases recorded before it was kept: DEPARTMENT)' })
  @Enum({ items: () => RepairChannel, default: RepairChannel.DEPARTMENT })
  channel: Opt<RepairChannel> = RepairChannel.DEPARTMENT;

  @Field(() => String, {
    nullable: true,
    description:
      '受理编号 (printed on the 受理回执, asked by the public progress lookup); null for cases filed before receipts',
  })
  @Property({ length: 20, nullable: true })
  caseNumber!: string | null;

  /** SHA-256 of the 查询码 (rules/query-code.ts): the code itself is shown once, in the receipt. */
  @Property({ length: 64, nullable: true })
  queryCodeHash!: string | null;

  /** Wrong query codes in a row (counted before comparing; services/progress.ts). */
  @Property({ default: 0 })
  lookupFailures: Opt<number> = 0;

  /** No lookup is answered until then, after LOOKUP_POLICY.maxFailures wrong codes. */
  @Property({ type: 'datetime', nullable: true })
  lookupLockedUntil!: Date | null;

  @Field({ description: '申请理由 / 整改情况' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      '判定所依据的规则体系 (行政处罚: 决定日期当日施行的); null for list entries and cases recorded before it was kept',
  })
  @Property({ length: 32, nullable: true })
  regime!: string | null;

  /** 办理部门: the department that reported the record (penalty data source, entry's deciding department); resolved to a Department. */
  @Property({ length: 32, nullable: true })
  handledByCode!: string | null;

  @Field(() => ID, { nullable: true, description: '信用修复承诺 (commitments subgraph) named by the application' })
  @Property({ type: 'uuid', nullable: true })
  repairCommitmentId!: string | null;

  @Field(() => String, { nullable: true, description: '履行法定义务的申报及证明 (罚款缴纳凭证等)' })
  @Property({ type: 'text', nullable: true })
  fulfilmentEvidence!: string | null;

  @Field(() => String, { nullable: true, description: '其他申请材料' })
  @Property({ type: 'text', nullable: true })
  evidence!: string | null;

  @Field({ description: '申请时间' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: '受理期限 (申请后受理工作日数, repairs.repair_deadline_rule)',
  })
  @Property({ type: 'date', nullable: true })
  intakeDueOn!: string | null;

  @Field(() => Boolean, {
    description:
      '受理期限按暂定日历推算 (counted over a year whose State Council notice is not loaded; recomputed when it is)',
  })
  @Property({ type: 'boolean', default: false })
  intakeDueOnProvisional: Opt<boolean> = false;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: '决定期限 (受理后决定工作日数); null before acceptance' })
  @Property({ type: 'date', nullable: true })
  decisionDueOn!: string | null;

  @Field(() => Boolean, {
    description: '决定期限按暂定日历推算 (recomputed when the notice is loaded); false before acceptance',
  })
  @Property({ type: 'boolean', default: false })
  decisionDueOnProvisional: Opt<boolean> = false;

  @Field(() => Date, { nullable: true, description: '决定时间 (准予修复 / 不予修复 / 不予受理)' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  /** 决定部门; resolved to a Department. */
  @Property({ length: 32, nullable: true })
  decidedByCode!: string | null;

  @Field(() => String, { nullable: true, description: '决定意见，或不予受理、不予修复、撤回的理由' })
  @Property({ type: 'text', nullable: true })
  decisionNote!: string | null;
}
