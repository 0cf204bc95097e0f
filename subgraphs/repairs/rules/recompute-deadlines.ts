import { recomputeStoredDeadlines, RunSql } from '../../../shared/db/recompute-deadlines';
import { chinaToday } from '../../../shared/domain/today';
import { Deadline, deadlineIfCovered, WorkingDayCalendar } from '../../../shared/domain/working-days';

interface StoredCase {
  id: string;
  submitted_at: Date | string;
  accepted_at: Date | string | null;
  intake_due_on: string | null;
  intake_provisional: boolean;
  decision_due_on: string | null;
  decision_provisional: boolean;
  intake_days: number;
  decision_days: number;
}

/** The limit counted from a stored timestamp's day in China; null while still beyond the calendar. */
function counted(calendar: WorkingDayCalendar, start: Date | string, days: number): Deadline | null {
  return deadlineIfCovered(calendar, chinaToday(new Date(start)), days);
}

/**
 * A table of cases with stored limits, and the deadline rows that time it: repair cases and
 * objections since issue 18 (one active row per kind); before the deadline table had kinds, its one
 * active row timed repair cases (the migration that first recomputed them runs against that table).
 */
export interface CaseDeadlineTable {
  table: 'repair_case' | 'objection_case';
  /** The condition on the deadline rule rows (alias r) that picks the one active row of the kind. */
  activeRule: string;
}

export const REPAIR_CASES_BEFORE_KINDS: CaseDeadlineTable = { table: 'repair_case', activeRule: 'r.active' };
export const CASE_DEADLINE_TABLES: readonly CaseDeadlineTable[] = [
  { table: 'repair_case', activeRule: "r.active and r.kind = 'REPAIR'" },
  { table: 'objection_case', activeRule: "r.active and r.kind = 'OBJECTION'" },
];

/**
 * 受理期限 and 决定期限 again, after the calendar changed: every case whose limit was provisional,
 * missing (the calendar once stopped at 2026-12-31 and left it null), or counted over the dates
 * `window` names, is counted again with the active deadline rule; only rows whose answer differs
 * are written, so running it twice changes nothing. Returns how many cases changed. `cases` says
 * which table and which deadline row (default: repair cases, as the table was before kinds).
 */
export async function recomputeCaseDeadlines(
  run: RunSql,
  schema: string,
  calendar: WorkingDayCalendar,
  window: { from: string; to: string },
  cases: CaseDeadlineTable = REPAIR_CASES_BEFORE_KINDS,
): Promise<number> {
  return recomputeStoredDeadlines(run, {
    select: {
      sql: `select c.id, c.submitted_at, c.accepted_at,
            to_char(c.intake_due_on, 'YYYY-MM-DD') as intake_due_on, c.intake_due_on_provisional as intake_provisional,
            to_char(c.decision_due_on, 'YYYY-MM-DD') as decision_due_on, c.decision_due_on_provisional as decision_provisional,
            r.intake_working_days as intake_days, r.decision_working_days as decision_days
       from "${schema}"."${cases.table}" c cross join "${schema}"."repair_deadline_rule" r
      where ${cases.activeRule}
        and (c.intake_due_on_provisional or c.decision_due_on_provisional or c.intake_due_on is null
             or (c.accepted_at is not null and c.decision_due_on is null)
             or (c.intake_due_on >= ? and (c.submitted_at at time zone 'Asia/Shanghai')::date <= ?)
             or (c.decision_due_on >= ? and (c.accepted_at at time zone 'Asia/Shanghai')::date <= ?))
      order by c.id
        for update of c`,
      params: [window.from, window.to, window.from, window.to],
    },
    recount: (row: StoredCase) => {
      const intake = counted(calendar, row.submitted_at, row.intake_days);
      const decision = row.accepted_at === null ? null : counted(calendar, row.accepted_at, row.decision_days);
      const next = {
        id: row.id,
        intake: intake?.date ?? row.intake_due_on,
        intake_p: intake?.provisional ?? row.intake_provisional,
        decision: row.accepted_at === null ? null : (decision?.date ?? row.decision_due_on),
        decision_p: row.accepted_at === null ? false : (decision?.provisional ?? row.decision_provisional),
      };
      const same =
        next.intake === row.intake_due_on &&
        next.intake_p === row.intake_provisional &&
        next.decision === row.decision_due_on &&
        next.decision_p === row.decision_provisional;
      return same ? null : next;
    },
    update: `update "${schema}"."${cases.table}" c
          set intake_due_on = x.intake, intake_due_on_provisional = x.intake_p, decision_due_on = x.decision, decision_due_on_provisional = x.decision_p
         from jsonb_to_recordset(?::jsonb) as x(id uuid, intake date, intake_p boolean, decision date, decision_p boolean)
        where c.id = x.id`,
  });
}
