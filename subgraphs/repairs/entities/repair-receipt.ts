import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ObjectionStatus, RepairStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { RepairChannel } from '../rules/channel';
import './enums';

/**
 * 受理回执: returned once, by the mutation that files the case — the only time its
 * 查询码 is shown (only a hash is kept). Nothing in it names the subject or the grounds:
 * it is what the window prints and the applicant takes away.
 */
@ObjectType({ description: '受理回执 (the query code appears here once and never again)' })
export class RepairReceipt {
  @Field(() => ID, { description: '案件 id' })
  caseId!: string;

  @Field({ description: '受理编号 (GSXF-YYYY-NNNNNNNN)' })
  caseNumber!: string;

  @Field({ description: '查询码 (8 symbols, printed as XXXX-XXXX; shown only in this receipt)' })
  queryCode!: string;

  @Field(() => RepairChannel, { description: '申请渠道' })
  channel!: RepairChannel;

  @Field(() => RepairStatus, { description: '状态' })
  status!: RepairStatus;

  @Field({ description: '申请时间' })
  submittedAt!: Date;

  @Field(() => Int, { description: '受理时限 (工作日, repairs.repair_deadline_rule)' })
  intakeWorkingDays!: number;

  @Field(() => DateScalar, { description: '受理期限: 此日前作出是否受理的决定' })
  intakeDueOn!: string;

  @Field(() => Int, { description: '决定时限 (受理后工作日, repairs.repair_deadline_rule)' })
  decisionWorkingDays!: number;

  @Field(() => DateScalar, { description: '最迟决定日期 (受理期限届满之日起算的决定时限)' })
  decisionDueOnAtLatest!: string;

  @Field({ description: '期限按暂定日历推算 (a year whose State Council holiday notice is not yet loaded)' })
  provisional!: boolean;

  @Field({ description: '时限依据 (the deadline rule row in force)' })
  deadlineSource!: string;

  @Field({ description: '下一步' })
  nextStep!: string;
}

/** 信用修复办理进度 (public, by number and query code): status, deadlines, the next step — nothing more. */
@ObjectType({ description: '信用修复办理进度 (受理编号 + 查询码): no names, no grounds, no evidence' })
export class RepairProgress {
  @Field({ description: '受理编号' })
  caseNumber!: string;

  @Field(() => RepairStatus, { description: '状态' })
  status!: RepairStatus;

  @Field(() => DateScalar, { description: '申请日期' })
  submittedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: '受理期限' })
  intakeDueOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '决定期限 (受理后); null before acceptance' })
  decisionDueOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '办结日期 (准予 / 不予修复、不予受理、撤回)' })
  closedOn!: string | null;

  @Field({ description: '超期未办' })
  overdue!: boolean;

  @Field({ description: '下一步' })
  nextStep!: string;
}

/** 异议受理回执: as the repair receipt, for an objection (GSYY number); the query code is shown here once. */
@ObjectType({ description: '异议受理回执 (the query code appears here once and never again)' })
export class ObjectionReceipt {
  @Field(() => ID, { description: '异议案件 id' })
  caseId!: string;

  @Field({ description: '受理编号 (GSYY-YYYY-NNNNNNNN)' })
  caseNumber!: string;

  @Field({ description: '查询码 (8 symbols, printed as XXXX-XXXX; shown only in this receipt)' })
  queryCode!: string;

  @Field(() => RepairChannel, { description: '申请渠道' })
  channel!: RepairChannel;

  @Field(() => ObjectionStatus, { description: '状态' })
  status!: ObjectionStatus;

  @Field({ description: '申请时间' })
  submittedAt!: Date;

  @Field(() => Int, { description: '受理时限 (工作日, repairs.repair_deadline_rule kind OBJECTION)' })
  intakeWorkingDays!: number;

  @Field(() => DateScalar, { description: '受理期限' })
  intakeDueOn!: string;

  @Field(() => Int, { description: '核查决定时限 (受理后工作日)' })
  decisionWorkingDays!: number;

  @Field(() => DateScalar, { description: '最迟决定日期 (受理期限届满之日起算的决定时限)' })
  decisionDueOnAtLatest!: string;

  @Field({ description: '期限按暂定日历推算' })
  provisional!: boolean;

  @Field({ description: '时限依据 (the deadline rule row in force)' })
  deadlineSource!: string;

  @Field({ description: '下一步' })
  nextStep!: string;
}

/** 异议办理进度 (public, by number and query code): status, deadlines, the next step — nothing more. */
@ObjectType({ description: '异议办理进度 (受理编号 + 查询码): no names, no grounds, no evidence' })
export class ObjectionProgress {
  @Field({ description: '受理编号' })
  caseNumber!: string;

  @Field(() => ObjectionStatus, { description: '状态' })
  status!: ObjectionStatus;

  @Field(() => DateScalar, { description: '申请日期' })
  submittedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: '受理期限' })
  intakeDueOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '核查决定期限 (受理后); null before acceptance' })
  decisionDueOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '办结日期' })
  closedOn!: string | null;

  @Field({ description: '超期未办' })
  overdue!: boolean;

  @Field({ description: '下一步' })
  nextStep!: string;
}
