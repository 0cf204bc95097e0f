import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SubmissionChannel } from '../../../shared/domain/submission-channel';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import type { FieldProblem } from '../rules/report-problems';
import { FieldProblemType } from './field-problem';
import './enums';

/**
 * 报送记录: one row per record a department has reported, accepted or not, so
 * nothing it sends is lost. A record is known by its natural key (authority +
 * document number); a resubmission updates its row, never adds one. A record
 * too broken to have a natural key is known by the digest of what was sent.
 * The data-quality figures (§5: accepted rate, timeliness) are counted from here.
 */
@ObjectType('ReportSubmission', { description: '报送记录: 每条报送过的记录一行 (最近一次的结果)' })
@Entity({ tableName: 'submission' })
@Index({ properties: ['decidedAt', 'departmentCode'] })
@Unique({ properties: ['departmentCode', 'kind', 'submissionKey'] })
export class Submission {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => RecordKind, { description: '记录类别' })
  @Enum(() => RecordKind)
  kind!: RecordKind;

  /** The reporting department (the principal's org). */
  @Field({ description: '报送部门代码' })
  @Property({ length: 32 })
  departmentCode!: string;

  /** `authorityCode|documentNo`, or `sha256:…` of the payload when it has no usable natural key. */
  @Property({ type: 'text' })
  submissionKey!: string;

  /** 文书号 as sent, for the department to find the record again. */
  @Field(() => String, { nullable: true, description: '文书号' })
  @Property({ type: 'text', nullable: true })
  documentNo!: string | null;

  /** The accepted record; null while the latest attempt was rejected and nothing was ever accepted. */
  @Property({ type: 'uuid', nullable: true })
  recordId!: string | null;

  /** 决定日期; null when the payload carried no valid one (counted by the submission date then). */
  @Field(() => DateScalar, { nullable: true, description: '决定日期' })
  @Property({ type: 'date', nullable: true })
  decidedAt!: string | null;

  /** Last day a report of this decision is timely (报送时限, from reporting_rule). */
  @Field(() => DateScalar, { nullable: true, description: '报送时限 (最后一天)' })
  @Property({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Field(() => Boolean, {
    description:
      '报送时限按暂定日历推算 (counted over a year whose State Council notice is not loaded; recomputed when it is)',
  })
  @Property({ type: 'boolean', default: false })
  dueOnProvisional: Opt<boolean> = false;

  /** When the record first reached the platform. */
  @Field({ description: '首次报送时间' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  /** When it first entered the platform as valid (有效入库); timeliness is counted from this. */
  @Field(() => Date, { nullable: true, description: '首次有效入库时间' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  /** Outcome of the latest attempt. */
  @Field(() => SubmissionOutcome, { description: '最近一次报送的结果' })
  @Enum(() => SubmissionOutcome)
  outcome!: SubmissionOutcome;

  /** Why the latest attempt was rejected, field by field. */
  @Field(() => [FieldProblemType], { nullable: true, description: '退回原因 (逐字段)' })
  @Property({ type: 'json', nullable: true })
  reasons!: FieldProblem[] | null;

  /** The rejected payload as sent, so it can be corrected and resubmitted. */
  @Field(() => GraphQLJSONObject, { nullable: true, description: '退回记录的原始内容 (按字段), 供更正后重新报送' })
  @Property({ type: 'json', nullable: true })
  payload!: Record<string, unknown> | null;

  /**
   * How the attempt that last changed this row arrived (§6), as the gateway signed it into the principal
   * (gateway/auth/submission-channel.ts); an identical resend changes nothing, its channel included.
   */
  @Field(() => SubmissionChannel, {
    nullable: true,
    description:
      '报送渠道: 接口调用 / 文件报送 / 人工录入 (最近一次改变该记录的报送; 未记录 before channels were kept)',
  })
  @RequiresScopes([SCOPES.recordsWrite])
  @Enum({ items: () => SubmissionChannel, default: SubmissionChannel.UNKNOWN })
  channel: Opt<SubmissionChannel> = SubmissionChannel.UNKNOWN;

  /** Spreadsheet row of the latest attempt, when it came from a file. */
  @Field(() => Int, { nullable: true, description: '文件中的行号' })
  @Property({ type: 'integer', nullable: true })
  rowNumber!: number | null;
}
