import type { RunSql } from '../../../shared/db/recompute-deadlines';
import type { CreditList, ListEntryStatus, Verdict } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import type { VerdictInput, VerdictOutcome } from '../rules/screening-change';

interface InputRow {
  subjectId: string;
  uscc: string;
  name: string;
  entries: VerdictInput['entries'];
  grade: string | null;
  verdictFloor: Verdict | null;
  tolerantAcceptance: boolean | null;
  basis: string | null;
  previousVerdict: Verdict | null;
}

/** Each subject with its published entries (JSON), its evaluation and its stored verdict. */
const INPUTS = `select s.id as "subjectId", s.uscc, s.name,
         coalesce((select jsonb_agg(jsonb_build_object('entryId', e.id, 'list', e.list, 'listKind', e.list_kind, 'status', e.status,
                                    'validFrom', to_char(e.valid_from, 'YYYY-MM-DD'), 'validUntil', to_char(e.valid_until, 'YYYY-MM-DD')) order by e.id)
                     from ${SCHEMA}.list_entry e where e.subject_id = s.id and e.status = 'PUBLISHED'), '[]'::jsonb) as entries,
         f.grade, f.verdict_floor as "verdictFloor", f.tolerant_acceptance as "tolerantAcceptance", f.basis,
         v.verdict as "previousVerdict"
    from ${SCHEMA}.subject_index s
    left join ${SCHEMA}.subject_evaluation_fact f on f.subject_id = s.id
    left join ${SCHEMA}.screening_verdict v on v.subject_id = s.id`;

function inputOf(row: InputRow): VerdictInput {
  return {
    subjectId: row.subjectId,
    uscc: row.uscc,
    name: row.name,
    entries: row.entries.map((entry) => ({
      ...entry,
      list: entry.list as CreditList,
      status: entry.status as ListEntryStatus,
    })),
    evaluation:
      row.grade === null
        ? null
        : {
            grade: row.grade,
            verdictFloor: row.verdictFloor,
            tolerantAcceptance: row.tolerantAcceptance === true,
            basis: row.basis ?? '',
          },
    previousVerdict: row.previousVerdict,
  };
}

/**
 * Holds the subjects' locks (repositories/subject-lock.ts, the same keys) until the transaction ends, in id
 * order: two changes of one subject's entries or grade compute its verdict one after the other, each
 * reading (in the next statement) what the other committed.
 */
export async function lockVerdictSubjects(run: RunSql, subjectIds: readonly string[]): Promise<void> {
  await run(
    `select pg_advisory_xact_lock(hashtext(k.id)) from (select distinct jsonb_array_elements_text(?::jsonb) as id order by 1) k`,
    [JSON.stringify(subjectIds)],
  );
}

/** What the verdict of these subjects needs, in one statement. */
export async function readVerdictInputs(run: RunSql, subjectIds: readonly string[]): Promise<VerdictInput[]> {
  const rows = await run<InputRow>(
    `${INPUTS} where s.id in (select (jsonb_array_elements_text(?::jsonb))::uuid) order by s.id`,
    [JSON.stringify(subjectIds)],
  );
  return rows.map(inputOf);
}

/** Up to `limit` subjects with a published entry or an evaluation and no stored verdict (the baseline's next chunk). */
export async function readUnstoredVerdictInputs(run: RunSql, limit: number): Promise<VerdictInput[]> {
  const rows = await run<InputRow>(
    `${INPUTS} where v.subject_id is null
        and (f.subject_id is not null or exists (select 1 from ${SCHEMA}.list_entry e where e.subject_id = s.id and e.status = 'PUBLISHED'))
      order by s.id limit ?`,
    [limit],
  );
  return rows.map(inputOf);
}

/** Stores the verdicts, one statement for all. */
export async function storeVerdicts(
  run: RunSql,
  outcomes: readonly VerdictOutcome[],
  changedAt: string,
): Promise<void> {
  if (outcomes.length === 0) return;
  await run(
    `insert into ${SCHEMA}.screening_verdict (subject_id, verdict, changed_at)
     select r."subjectId", r.verdict, ?::timestamptz from jsonb_to_recordset(?::jsonb) as r("subjectId" uuid, verdict text)
     order by r."subjectId"
     on conflict (subject_id) do update set verdict = excluded.verdict, changed_at = excluded.changed_at`,
    [changedAt, JSON.stringify(outcomes.map((o) => ({ subjectId: o.subjectId, verdict: o.verdict })))],
  );
}
