import type { EntityManager } from '../../../shared/db/orm';
import { SubmissionChannel } from '../../../shared/domain/submission-channel';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';

/** One department's submissions of one kind in a period, counted (counts arrive as text), with its rule's targets. */
export interface QualityRow {
  department_code: string;
  kind: RecordKind;
  submitted: string;
  accepted: string;
  timely: string;
  provisional: boolean;
  /** By channel (§6): the channel of the attempt that last changed each submission. */
  interface_submitted: string;
  file_submitted: string;
  manual_submitted: string;
  unknown_submitted: string;
  accepted_target: number;
  timely_target: number;
}

/**
 * Timeliness is counted in China time: the day a record first entered the platform as valid
 * against its deadline (due_on, from the reporting rule when it was written). A record without
 * a valid decision date counts in the period of its submission. The channel counts (§6) come
 * from the same rows in the same statement.
 */
export function countSubmissions(
  em: EntityManager,
  from: string,
  to: string,
  department: string | null,
): Promise<QualityRow[]> {
  return em.getConnection().execute<QualityRow[]>(
    `select s.department_code, s.kind, r.accepted_target, r.timely_target,
            count(*) as submitted,
            count(*) filter (where s.outcome = ?) as accepted,
            count(*) filter (where s.outcome = ?
              and (s.accepted_at at time zone 'Asia/Shanghai')::date <= s.due_on) as timely,
            coalesce(bool_or(s.due_on_provisional) filter (where s.outcome = ?), false) as provisional,
            count(*) filter (where s.channel = ?) as interface_submitted,
            count(*) filter (where s.channel = ?) as file_submitted,
            count(*) filter (where s.channel = ?) as manual_submitted,
            count(*) filter (where s.channel = ?) as unknown_submitted
       from ${SCHEMA}.submission s
       join ${SCHEMA}.reporting_rule r on r.kind = s.kind
      where coalesce(s.decided_at, (s.submitted_at at time zone 'Asia/Shanghai')::date) between ? and ?
        and (?::text is null or s.department_code = ?)
      group by s.department_code, s.kind, r.accepted_target, r.timely_target
      order by s.department_code, s.kind`,
    [
      SubmissionOutcome.ACCEPTED,
      SubmissionOutcome.ACCEPTED,
      SubmissionOutcome.ACCEPTED,
      SubmissionChannel.INTERFACE,
      SubmissionChannel.FILE,
      SubmissionChannel.MANUAL,
      SubmissionChannel.UNKNOWN,
      from,
      to,
      department,
      department,
    ],
  );
}
