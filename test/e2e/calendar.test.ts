import pg from 'pg';
import { signDevToken } from '../../gateway/auth/dev-token';
import { randomKey } from '../../scripts/dev-secrets';
import type { RunningSystem } from '../../scripts/system';
import { CN_HOLIDAY_CALENDAR, type CalendarYear } from '../../shared/domain/holiday-calendar-cn';
import { statutoryHolidays } from '../../shared/domain/statutory-holidays';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { chinaToday } from '../support/dates';
import { expectData } from '../support/expect-data';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { until } from '../support/until';

/**
 * Issue 13, one calendar, end to end on a system of this file's own (loading a 2027 notice and
 * lengthening a list rule must not move the shared system's deadlines under the other tests):
 * a deadline counted from today across 2026-12-31 is answered and says provisional; the credit
 * office loads a 2027 notice (TEST DATA, made up for this test); the stored deadline is counted
 * again by the sanctions subgraph on the event, and a repair limit the old calendar left null is
 * filled by the repairs subgraph.
 */
jest.setTimeout(240_000);

const today = chinaToday();
const shipped = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

let own: OwnSystem | undefined;
let system: RunningSystem;
let secret: string;
let db: pg.Client;

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function post<T>(
  query: string,
  variables: Record<string, unknown> = {},
  role?: 'credit_office' | 'department',
  org?: string,
): Promise<Answer<T>> {
  const orgs = { credit_office: 'gusu.xyb', department: 'gusu.scjgj' };
  const token = role
    ? await signDevToken(secret, {
        sub: `calendar-test-${role}`,
        name: `测试 ${role}`,
        org: org ?? orgs[role],
        roles: [role],
        ttl: '10m',
      })
    : undefined;
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

/** TEST DATA — a made-up 2027 notice: the statutory days of the law, 元旦 1月1日至3日, and Saturday 1月9日 worked. */
const TEST_NOTICE = 'TEST DATA 测试用虚构通知《关于2027年部分节假日安排的通知》(not a State Council notice)';
const testDays = [
  ...statutoryHolidays(2027)
    .filter((day) => !day.name.endsWith('（补假）'))
    .map(({ date, name }) => ({ date, kind: 'HOLIDAY', name })),
  { date: '2027-01-02', kind: 'HOLIDAY', name: '元旦' },
  { date: '2027-01-03', kind: 'HOLIDAY', name: '元旦' },
  { date: '2027-01-09', kind: 'MAKEUP_WORKDAY', name: '元旦' },
];
const test2027: CalendarYear = {
  year: 2027,
  source: TEST_NOTICE,
  days: testDays.map((d) => ({ ...d, kind: d.kind as 'HOLIDAY' | 'MAKEUP_WORKDAY' })),
};

const SET = `mutation($year: Int!, $notice: String!, $days: [HolidayCalendarDayInput!]!) {
  setHolidayCalendar(year: $year, notice: $notice, days: $days) { year status source days { date kind name } } }`;

beforeAll(async () => {
  secret = randomKey();
  own = await startOwnSystem('calendar', { jwtSecret: secret });
  system = own.system;
  db = new pg.Client({ connectionString: system.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await own?.stop();
});

describe('one calendar (issue 13)', () => {
  it('answers across 2026-12-31 provisionally, then recomputes the stored deadlines when the credit office loads the 2027 notice', async () => {
    // The reference calendar, public: the notices are ANNOUNCED, 2027 is computed from the law.
    const before = await post<{
      holidayCalendars: { year: number; status: string }[];
      holidayCalendar: { status: string; source: string; days: { date: string }[] };
    }>('{ holidayCalendars { year status } holidayCalendar(year: 2027) { status source days { date } } }');
    expect(before.errors).toBeUndefined();
    expect(expectData(before).holidayCalendars.map((y) => `${y.year} ${y.status}`)).toEqual([
      '2022 ANNOUNCED',
      '2023 ANNOUNCED',
      '2024 ANNOUNCED',
      '2025 ANNOUNCED',
      '2026 ANNOUNCED',
      '2027 PROVISIONAL',
      '2028 PROVISIONAL',
    ]);
    expect(expectData(before).holidayCalendar.source).toContain('全国年节及纪念日放假办法');
    expect(expectData(before).holidayCalendar.days.map((d) => d.date)).toContain('2027-02-05');

    // The objection period is data (sanctions.list_rule): WATCH's is lengthened so that one counted from today reaches into January 2027.
    const days = today < '2027-01-04' ? shipped.workingDaysBetween(today, '2027-01-12') : 5;
    await db.query(`update sanctions.list_rule set objection_working_days = $1 where list = 'WATCH'`, [days]);
    const clean = await post<{ subjects: { nodes: { uscc: string | null; listEntries: unknown[] }[] } }>(
      '{ subjects(first: 100) { nodes { uscc listEntries { id } } } }',
      {},
      'credit_office',
    );
    const uscc = expectData(clean).subjects.nodes.find((n) => n.uscc && n.listEntries.length === 0)!.uscc!;
    const proposed = await post<{ proposeListEntry: { id: string } }>(
      `mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id } }`,
      {
        input: {
          uscc,
          list: 'WATCH',
          reason: '日历测试',
          basis: '《测试办法》第一条',
          decisionNo: `日历测试〔2026〕${uscc.slice(-6)}号`,
          decidedAt: today,
        },
      },
      'department',
    );
    expect(proposed.errors).toBeUndefined();
    const id = expectData(proposed).proposeListEntry.id;
    const notified = await post<{
      notifyListEntry: { objectionDeadline: string; objectionDeadlineProvisional: boolean };
    }>(
      `mutation { notifyListEntry(id: "${id}") { objectionDeadline objectionDeadlineProvisional } }`,
      {},
      'department',
    );
    expect(notified.errors).toBeUndefined();
    const provisional = shipped.deadline(today, days);
    expect(provisional.provisional).toBe(true);
    expect(expectData(notified).notifyListEntry).toEqual({
      objectionDeadline: provisional.date,
      objectionDeadlineProvisional: true,
    });

    // A repair case whose decision limit the old calendar left null (it stopped at 2026-12-31): it must come back.
    const accepted = await db.query<{ id: string; accepted_on: string; days: number }>(
      `select c.id, to_char(c.accepted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as accepted_on, r.decision_working_days as days
         from repairs.repair_case c cross join repairs.repair_deadline_rule r where c.status = 'ACCEPTED' and r.active order by c.id limit 1`,
    );
    const caseId = accepted.rows[0]?.id;
    expect(caseId).toBeDefined();
    await db.query(`update repairs.repair_case set decision_due_on = null where id = $1`, [caseId]);

    // A report of another administrative action (7 working days) decided 2026-12-28, stored as the report writer stores it.
    const actionDue = shipped.deadline('2026-12-28', 7);
    expect(actionDue.provisional).toBe(true);
    await db.query(
      `insert into subjects.submission (id, kind, department_code, submission_key, decided_at, due_on, due_on_provisional, submitted_at, accepted_at, outcome)
       values (gen_random_uuid(), 'ACTION', 'gusu.scjgj', 'calendar-test|1', '2026-12-28', $1, true, now(), now(), 'ACCEPTED')`,
      [actionDue.date],
    );

    // Only the credit office loads a notice; bad input is refused with its field; nothing is written by either.
    const department = await post(SET, { year: 2027, notice: TEST_NOTICE, days: testDays }, 'department');
    expect(department.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const stranger = await post(
      SET,
      { year: 2027, notice: TEST_NOTICE, days: testDays },
      'credit_office',
      'no.such.org',
    );
    expect(stranger.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const weekdayWorked = testDays.map((d) => (d.date === '2027-01-09' ? { ...d, date: '2027-01-08' } : d));
    for (const [days2, year, argument] of [
      [weekdayWorked, 2027, `days[${testDays.length - 1}].kind`],
      [testDays.filter((d) => d.date !== '2027-02-05'), 2027, 'days'],
      [testDays, 2031, 'year'],
      [[...testDays, { date: '2027-03-01', kind: 'HOLIDAY', name: '' }], 2027, `days[${testDays.length}].name`],
      [[...testDays, testDays[0]], 2027, `days[${testDays.length}].date`],
    ] as const) {
      const refused = await post(SET, { year, notice: TEST_NOTICE, days: days2 });
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      const bad = await post(SET, { year, notice: TEST_NOTICE, days: days2 }, 'credit_office');
      expect([bad.errors?.[0]?.extensions?.code, bad.errors?.[0]?.extensions?.argument]).toEqual([
        'BAD_USER_INPUT',
        argument,
      ]);
    }
    expect((await db.query(`select count(*)::int as n from subjects.calendar_change`)).rows[0].n).toBe(0);

    // The credit office loads the notice: 2027 is ANNOUNCED, and the provisional horizon moves to 2029.
    const loaded = await post<{
      setHolidayCalendar: { year: number; status: string; source: string; days: { date: string; kind: string }[] };
    }>(SET, { year: 2027, notice: TEST_NOTICE, days: testDays }, 'credit_office');
    expect(loaded.errors).toBeUndefined();
    expect(expectData(loaded).setHolidayCalendar).toMatchObject({
      year: 2027,
      status: 'ANNOUNCED',
      source: TEST_NOTICE,
    });
    expect(expectData(loaded).setHolidayCalendar.days.find((d) => d.date === '2027-01-09')?.kind).toBe(
      'MAKEUP_WORKDAY',
    );
    const after = await post<{ holidayCalendars: { year: number; status: string }[] }>(
      '{ holidayCalendars { year status } }',
    );
    expect(
      expectData(after)
        .holidayCalendars.slice(-3)
        .map((y) => `${y.year} ${y.status}`),
    ).toEqual(['2027 ANNOUNCED', '2028 PROVISIONAL', '2029 PROVISIONAL']);

    // Sanctions counts the stored deadline again on the event: no longer provisional, by the notice.
    const expected = new WorkingDayCalendar([...CN_HOLIDAY_CALENDAR, test2027]).deadline(today, days);
    expect(expected.provisional).toBe(false);
    const recomputed = await until(
      'the objection deadline counted again by sanctions',
      async () =>
        (
          await post<{
            subject: {
              listEntries: { id: string; objectionDeadline: string; objectionDeadlineProvisional: boolean }[];
            };
          }>(
            `{ subject(uscc: "${uscc}") { listEntries { id objectionDeadline objectionDeadlineProvisional } } }`,
            {},
            'credit_office',
          )
        ).data?.subject.listEntries.find((entry) => entry.id === id),
      (entry) => entry?.objectionDeadlineProvisional === false,
      60_000,
    );
    expect(recomputed).toEqual({ id, objectionDeadline: expected.date, objectionDeadlineProvisional: false });
    process.stdout.write(
      `objection deadline from ${today} + ${days} working days: ${provisional.date} (provisional) → ${expected.date} (announced)\n`,
    );

    // Repairs filled the limit the old calendar had left empty.
    const filled = await until(
      'the decision limit filled by repairs',
      async () =>
        (
          await db.query<{ due: string | null }>(
            `select to_char(decision_due_on, 'YYYY-MM-DD') as due from repairs.repair_case where id = $1`,
            [caseId],
          )
        ).rows[0].due,
      (due) => due !== null,
      60_000,
    );
    const { accepted_on: acceptedOn, days: decisionDays } = accepted.rows[0];
    expect(filled).toBe(
      new WorkingDayCalendar([...CN_HOLIDAY_CALENDAR, test2027]).addWorkingDays(acceptedOn, decisionDays),
    );

    // Idempotent: the same notice again is one change, one event per consumer; the change is recorded with who and what.
    const again = await post<{ setHolidayCalendar: { status: string } }>(
      SET,
      { year: 2027, notice: TEST_NOTICE, days: testDays },
      'credit_office',
    );
    expect(expectData(again).setHolidayCalendar.status).toBe('ANNOUNCED');
    const changes = await post<{
      holidayCalendarChanges: {
        year: number;
        source: string;
        previousSource: string | null;
        recomputed: number;
        actorSub: string;
        actorOrg: string;
      }[];
    }>(
      '{ holidayCalendarChanges(year: 2027) { year source previousSource recomputed actorSub actorOrg } }',
      {},
      'credit_office',
    );
    // Subjects recomputed its own stored deadline (the action report) in the same transaction.
    expect(expectData(changes).holidayCalendarChanges).toEqual([
      {
        year: 2027,
        source: TEST_NOTICE,
        previousSource: null,
        recomputed: 1,
        actorSub: 'calendar-test-credit_office',
        actorOrg: 'gusu.xyb',
      },
    ]);
    const action = await db.query(
      `select to_char(due_on, 'YYYY-MM-DD') as due, due_on_provisional as provisional from subjects.submission where submission_key = 'calendar-test|1'`,
    );
    expect(action.rows).toEqual([
      {
        due: new WorkingDayCalendar([...CN_HOLIDAY_CALENDAR, test2027]).addWorkingDays('2026-12-28', 7),
        provisional: false,
      },
    ]);
    const events = await db.query<{ name: string; n: number }>(
      `select name, count(*)::int as n from pgboss.job where name like '%.holiday-calendar-changed' group by name order by name`,
    );
    expect(events.rows).toEqual([
      { name: 'repairs.holiday-calendar-changed', n: 1 },
      { name: 'sanctions.holiday-calendar-changed', n: 1 },
    ]);
  });
});
