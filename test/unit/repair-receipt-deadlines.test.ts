import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { RepairStatus } from '../../shared/domain/vocabulary';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { promisedDeadlines } from '../../subgraphs/repairs/rules/deadlines';
import { DEFAULT_DEADLINE_RULES } from '../../subgraphs/repairs/rules/defaults';
import { nextStep, pendingDueOn } from '../../subgraphs/repairs/rules/next-step';

const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);
const rule = DEFAULT_DEADLINE_RULES.find((r) => r.active)!;

describe('the deadlines a receipt promises', () => {
  it('come from the active rule row: intake in 2 working days, a decision in 10 after', () => {
    expect(rule).toMatchObject({ scope: 'DEFAULT', intakeWorkingDays: 2, decisionWorkingDays: 10 });
  });

  it('counts working days from the China date of the application', () => {
    // Monday 2026-11-16, 10:00 in China.
    const promised = promisedDeadlines(new Date('2026-11-16T02:00:00Z'), rule, calendar);
    expect(promised).toEqual({
      intakeWorkingDays: 2,
      intakeDueOn: { date: '2026-11-18', provisional: false },
      decisionWorkingDays: 10,
      decisionDueOnAtLatest: { date: '2026-12-02', provisional: false },
    });
  });

  it('takes an application late on Friday UTC as Saturday in China', () => {
    const promised = promisedDeadlines(new Date('2026-11-20T17:00:00Z'), rule, calendar);
    expect(promised.intakeDueOn.date).toBe('2026-11-24');
  });

  it('steps over 国庆节 and counts its 调休 Saturday as a working day', () => {
    // Wednesday 2026-09-30: 10-01..07 off, 10-10 (Saturday) worked.
    const promised = promisedDeadlines(new Date('2026-09-30T02:00:00Z'), rule, calendar);
    expect(promised.intakeDueOn.date).toBe('2026-10-09');
    expect(promised.decisionDueOnAtLatest.date).toBe('2026-10-22');
  });

  it('follows another row when it is the one in force', () => {
    const shenzhen = DEFAULT_DEADLINE_RULES.find((r) => r.scope === 'SHENZHEN')!;
    const promised = promisedDeadlines(new Date('2026-11-16T02:00:00Z'), shenzhen, calendar);
    expect(promised.decisionWorkingDays).toBe(3);
    expect(promised.decisionDueOnAtLatest.date).toBe('2026-11-23');
  });
});

describe('the next step', () => {
  it('names the deadline the status waits on, and none once the case is closed', () => {
    expect(pendingDueOn(RepairStatus.SUBMITTED, '2026-11-18', null)).toBe('2026-11-18');
    expect(pendingDueOn(RepairStatus.ACCEPTED, '2026-11-18', '2026-12-02')).toBe('2026-12-02');
    expect(pendingDueOn(RepairStatus.APPROVED, '2026-11-18', '2026-12-02')).toBeNull();
    expect(nextStep(RepairStatus.SUBMITTED, '2026-11-18')).toContain('2026-11-18');
    expect(nextStep(RepairStatus.ACCEPTED, '2026-12-02')).toContain('2026-12-02');
    for (const status of Object.values(RepairStatus)) expect(nextStep(status, null)).not.toBe('');
  });
});
