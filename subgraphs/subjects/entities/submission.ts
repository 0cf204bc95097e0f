import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';

/**
 * 报送记录: every 双公示 record a department submits, accepted or rejected.
 * The data-quality figures (§5: accepted rate, timeliness) are counted from here.
 */
@Entity({ tableName: 'submission' })
@Index({ properties: ['decidedAt', 'departmentCode'] })
export class Submission {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum(() => RecordKind)
  kind!: RecordKind;

  @Property({ length: 32 })
  departmentCode!: string;

  /** The accepted license or penalty; null when the submission was rejected. */
  @Property({ type: 'uuid', nullable: true })
  recordId!: string | null;

  @Property({ type: 'date' })
  decidedAt!: string;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Enum(() => SubmissionOutcome)
  outcome!: SubmissionOutcome;

  @Property({ nullable: true })
  rejectionReason!: string | null;
}
