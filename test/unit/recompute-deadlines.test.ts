import { recomputeStoredDeadlines, RunSql } from '../../shared/db/recompute-deadlines';
import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { deadlineIfCovered, WorkingDayCalendar } from '../../shared/domain/working-days';
import { CASE_DEADLINE_TABLES, recomputeCaseDeadlines } from '../../subgraphs/repairs/rules/recompute-deadlines';

const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

/** A RunSql that answers the first statement (the select) with `rows` and records every statement. */
function fakeRun(rows: unknown[]): { run: RunSql; statements: { sql: string; params: unknown[] }[] } {
  const statements: { sql: string; params: unknown[] }[] = [];
  const run = (async (sql: string, params: unknown[]) => {
    statements.push({ sql, params });
    return statements.length === 1 ? rows : [];
  }) as RunSql;
  return { run, statements };
}

describe('recomputeStoredDeadlines', () => {
  it('writes only the rows whose recount differs, in one update, and says how many', async () => {
    const { run, statements } = fakeRun([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ]);
    const changed = await recomputeStoredDeadlines(run, {
      select: { sql: 'select', params: ['x'] },
      recount: (row: { id: string; n: number }) => (row.n % 2 === 1 ? { id: row.id, n: row.n + 1 } : null),
      update: 'update',
    });
    expect(changed).toBe(2);
    expect(statements).toEqual([
      { sql: 'select', params: ['x'] },
      {
        sql: 'update',
        params: [
          JSON.stringify([
            { id: 'a', n: 2 },
            { id: 'c', n: 4 },
          ]),
        ],
      },
    ]);
  });

  it('sends no update when nothing changed', async () => {
    const { run, statements } = fakeRun([{ id: 'a' }]);
    const changed = await recomputeStoredDeadlines(run, {
      select: { sql: 'select', params: [] },
      recount: () => null,
      update: 'update',
    });
    expect(changed).toBe(0);
    expect(statements.map((s) => s.sql)).toEqual(['select']);
  });
});

describe('deadlineIfCovered', () => {
  it('is the calendar deadline inside the calendar, null beyond it', () => {
    expect(deadlineIfCovered(calendar, '2026-09-29', 3)).toEqual(calendar.deadline('2026-09-29', 3));
    expect(deadlineIfCovered(calendar, '2019-06-03', 5)).toBeNull();
  });

  it('lets other errors through', () => {
    expect(() => deadlineIfCovered(calendar, '2026-09-29', -1)).toThrow(RangeError);
  });
});

describe('recomputeCaseDeadlines (repairs)', () => {
  const stored = {
    id: '00000000-0000-4000-8000-000000000001',
    submitted_at: '2026-12-28T02:00:00Z',
    accepted_at: null,
    intake_due_on: null,
    intake_provisional: false,
    decision_due_on: '2027-02-01',
    decision_provisional: true,
    intake_days: 5,
    decision_days: 20,
  };

  it('counts a missing intake limit, and clears the decision limit of a case not yet accepted', async () => {
    const { run, statements } = fakeRun([stored]);
    expect(await recomputeCaseDeadlines(run, 'repairs', calendar, { from: '2026-12-01', to: '2027-01-31' })).toBe(1);
    const intake = calendar.deadline('2026-12-28', 5);
    expect(statements[0].params).toEqual(['2026-12-01', '2027-01-31', '2026-12-01', '2027-01-31']);
    expect(JSON.parse(statements[1].params[0] as string)).toEqual([
      { id: stored.id, intake: intake.date, intake_p: intake.provisional, decision: null, decision_p: false },
    ]);
  });

  it('counts objections with the objection row, repair cases with the repair row', async () => {
    for (const cases of CASE_DEADLINE_TABLES) {
      const { run, statements } = fakeRun([stored]);
      await recomputeCaseDeadlines(run, 'repairs', calendar, { from: '2026-12-01', to: '2027-01-31' }, cases);
      expect(statements[0].sql).toContain(`"repairs"."${cases.table}" c cross join`);
      expect(statements[0].sql).toContain(cases.activeRule);
      expect(statements[1].sql).toContain(`update "repairs"."${cases.table}" c`);
    }
    expect(CASE_DEADLINE_TABLES.map((c) => c.table)).toEqual(['repair_case', 'objection_case']);
  });

  it('writes nothing when the recount equals what is stored', async () => {
    const intake = calendar.deadline('2026-12-28', 5);
    const { run, statements } = fakeRun([
      {
        ...stored,
        intake_due_on: intake.date,
        intake_provisional: intake.provisional,
        decision_due_on: null,
        decision_provisional: false,
      },
    ]);
    expect(await recomputeCaseDeadlines(run, 'repairs', calendar, { from: '2026-12-01', to: '2027-01-31' })).toBe(0);
    expect(statements).toHaveLength(1);
  });
});
