import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import type { FieldProblem } from '../rules/report-problems';

/**
 * 报送记录: one row per record a department has reported, accepted or not, so
 * nothing it sends is lost. A record is known by its natural key (authority +
 * document number); a resubmission updates its row, never adds one. A record
 * too broken to have a natural key is known by the digest of what was sent.
 * The data-quality figures (§5: accepted rate, timeliness) are counted from here.
 */
@Entity({ tableName: 'submission' })
@Index({ properties: ['decidedAt', 'departmentCode'] })
@Unique({ properties: ['departmentCode', 'kind', 'submissionKey'] })
export class Submission {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum(() => RecordKind)
  kind!: RecordKind;

  /** The reporting department (the principal's org). */
  @Property({ length: 32 })
  departmentCode!: string;

  /** `authorityCode|documentNo`, or `sha256:…` of the payload when it has no usable natural key. */
  @Property({ type: 'text' })
  submissionKey!: string;

  /** 文书号 as sent, for the department to find the record again. */
  @Property({ type: 'text', nullable: true })
  documentNo!: string | null;

  /** The accepted record; null while the latest attempt was rejected and nothing was ever accepted. */
  @Property({ type: 'uuid', nullable: true })
  recordId!: string | null;

  /** 决定日期; null when the payload carried no valid one (counted by the submission date then). */
  @Property({ type: 'date', nullable: true })
  decidedAt!: string | null;

  /** Last day a report of this decision is timely (报送时限, from reporting_rule). */
  @Property({ type: 'date', nullable: true })
  dueOn!: string | null;

  /** When the record first reached the platform. */
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  /** When it first entered the platform as valid (有效入库); timeliness is counted from this. */
  @Property({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  /** Outcome of the latest attempt. */
  @Enum(() => SubmissionOutcome)
  outcome!: SubmissionOutcome;

  /** Why the latest attempt was rejected, field by field. */
  @Property({ type: 'json', nullable: true })
  reasons!: FieldProblem[] | null;

  /** The rejected payload as sent, so it can be corrected and resubmitted. */
  @Property({ type: 'json', nullable: true })
  payload!: Record<string, unknown> | null;

  /** Spreadsheet row of the latest attempt, when it came from a file. */
  @Property({ type: 'integer', nullable: true })
  rowNumber!: number | null;
}
