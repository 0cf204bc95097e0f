import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubmissionChannel } from '../../../shared/domain/submission-channel';
import type { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import type { FieldProblem } from '../rules/report-problems';

/** One submission row of a call, as the upsert takes it (jsonb_to_recordset keys). */
export interface SubmissionRow {
  /** The submission key: the natural key, or the payload digest of a record without one. */
  key: string;
  document_no: string | null;
  record_id: string | null;
  decided_at: string | null;
  due_on: string | null;
  due_on_provisional: boolean;
  accepted_at: string | null;
  outcome: SubmissionOutcome;
  reasons: FieldProblem[] | null;
  payload: Record<string, unknown> | null;
  row_number: number | null;
}

/**
 * Every record of a call leaves its submission row, one per department, kind and key: a resubmission
 * updates it (only when something differs), keeping when it was first accepted and its record.
 * Rows are written in key order, as every statement of a report (no deadlock between two calls).
 * `channel` (§6) is the call's: written with the row, and again whenever an update changes it; a resend
 * that changes nothing else leaves the channel it first came by.
 */
export async function upsertSubmissions(
  em: EntityManager,
  kind: RecordKind,
  department: string,
  submittedAt: string,
  channel: SubmissionChannel,
  rows: SubmissionRow[],
): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.submission as t (id, kind, department_code, submission_key, document_no, record_id, decided_at, due_on, due_on_provisional, submitted_at, accepted_at, outcome, reasons, payload, row_number, channel)
     select gen_random_uuid(), ?, ?, r.key, r.document_no, r.record_id, r.decided_at, r.due_on, r.due_on_provisional, ?, r.accepted_at, r.outcome, r.reasons, r.payload, r.row_number, ?
       from jsonb_to_recordset(?::jsonb) as r(key text, document_no text, record_id uuid, decided_at date, due_on date, due_on_provisional boolean, accepted_at timestamptz, outcome text, reasons jsonb, payload jsonb, row_number int)
      order by r.key
     on conflict (department_code, kind, submission_key) do update set
       document_no = excluded.document_no,
       record_id = coalesce(excluded.record_id, t.record_id),
       decided_at = excluded.decided_at,
       due_on = excluded.due_on,
       due_on_provisional = excluded.due_on_provisional,
       accepted_at = coalesce(t.accepted_at, excluded.accepted_at),
       outcome = excluded.outcome,
       reasons = excluded.reasons,
       payload = excluded.payload,
       row_number = excluded.row_number,
       channel = excluded.channel
     where (t.document_no, t.record_id, t.decided_at, t.due_on, t.due_on_provisional, t.outcome, t.reasons, t.payload, t.row_number)
           is distinct from (excluded.document_no, coalesce(excluded.record_id, t.record_id), excluded.decided_at, excluded.due_on, excluded.due_on_provisional, excluded.outcome, excluded.reasons, excluded.payload, excluded.row_number)`,
    [kind, department, submittedAt, channel, JSON.stringify(rows)],
  );
}
