import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { RepairStatus, RepairTarget } from '../../shared/domain/vocabulary';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../shared/domain/working-days';
import { TransitionRefused } from '../../shared/workflow/refusal';
import { mayDecide, mayHandle } from '../../subgraphs/repairs/rules/access';
import { decisionDueOn, intakeDueOn, isOverdue } from '../../subgraphs/repairs/rules/deadlines';
import { DEFAULT_DEADLINE_RULES } from '../../subgraphs/repairs/rules/defaults';
import { calendarDays, median, repairStatistics } from '../../subgraphs/repairs/rules/stats';
import { CaseAction, nextStatus, RepairAction, TRANSITIONS } from '../../subgraphs/repairs/rules/workflow';

function refusal(status: RepairStatus, action: CaseAction): string {
  try {
    return nextStatus(status, action);
  } catch (error) {
    if (error instanceof TransitionRefused) return `${error.reason} ${error.status}`;
    throw error;
  }
}

describe('repair case workflow (申请 → 受理 → 决定)', () => {
  it('walks both paths to a decision, and withdrawal before one', () => {
    expect(nextStatus(RepairStatus.SUBMITTED, RepairAction.ACCEPT)).toBe(RepairStatus.ACCEPTED);
    expect(nextStatus(RepairStatus.SUBMITTED, RepairAction.REJECT_AT_INTAKE)).toBe(RepairStatus.REJECTED_AT_INTAKE);
    expect(nextStatus(RepairStatus.ACCEPTED, RepairAction.APPROVE)).toBe(RepairStatus.APPROVED);
    expect(nextStatus(RepairStatus.ACCEPTED, RepairAction.DENY)).toBe(RepairStatus.DENIED);
    expect(nextStatus(RepairStatus.SUBMITTED, RepairAction.WITHDRAW)).toBe(RepairStatus.WITHDRAWN);
    expect(nextStatus(RepairStatus.ACCEPTED, RepairAction.WITHDRAW)).toBe(RepairStatus.WITHDRAWN);
  });

  it('refuses every other step, saying the current status', () => {
    expect(refusal(RepairStatus.SUBMITTED, RepairAction.APPROVE)).toBe('INVALID_STATUS SUBMITTED');
    expect(refusal(RepairStatus.SUBMITTED, RepairAction.DENY)).toBe('INVALID_STATUS SUBMITTED');
    expect(refusal(RepairStatus.ACCEPTED, RepairAction.ACCEPT)).toBe('INVALID_STATUS ACCEPTED');
    expect(refusal(RepairStatus.APPROVED, RepairAction.WITHDRAW)).toBe('INVALID_STATUS APPROVED');
    const closed = [
      RepairStatus.APPROVED,
      RepairStatus.DENIED,
      RepairStatus.REJECTED_AT_INTAKE,
      RepairStatus.WITHDRAWN,
    ];
    for (const status of closed) {
      for (const action of Object.keys(TRANSITIONS) as CaseAction[])
        expect(refusal(status, action)).toBe(`INVALID_STATUS ${status}`);
    }
  });
});

describe('who acts on a repair case', () => {
  const office = { org: 'gusu.xyb', office: true };
  const owner = { org: 'gusu.scjgj', office: false };
  const other = { org: 'gusu.swj', office: false };

  it('the reporting department and the credit office handle; a case of unknown owner only the office', () => {
    expect([mayHandle(owner, 'gusu.scjgj'), mayHandle(other, 'gusu.scjgj'), mayHandle(office, 'gusu.scjgj')]).toEqual([
      true,
      false,
      true,
    ]);
    expect([mayHandle(owner, null), mayHandle(office, null), mayHandle({ org: null, office: false }, null)]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('penalty cases are decided by their department or the office, list-entry cases by the designating department alone (谁认定、谁修复)', () => {
    expect([
      mayDecide(owner, RepairTarget.PENALTY, 'gusu.scjgj'),
      mayDecide(other, RepairTarget.PENALTY, 'gusu.scjgj'),
      mayDecide(office, RepairTarget.PENALTY, 'gusu.scjgj'),
    ]).toEqual([true, false, true]);
    // The credit office coordinates (it handles the case) but does not decide another department's entry.
    expect([
      mayDecide(owner, RepairTarget.LIST_ENTRY, 'gusu.scjgj'),
      mayDecide(other, RepairTarget.LIST_ENTRY, 'gusu.scjgj'),
      mayDecide(office, RepairTarget.LIST_ENTRY, 'gusu.scjgj'),
    ]).toEqual([true, false, false]);
    expect(mayHandle(office, 'gusu.scjgj')).toBe(true);
    // An entry the credit office designated itself it decides; an unknown designator nobody does.
    expect([
      mayDecide(office, RepairTarget.LIST_ENTRY, 'gusu.xyb'),
      mayDecide(office, RepairTarget.LIST_ENTRY, null),
    ]).toEqual([true, false]);
  });
});

describe('repair time limits in working days', () => {
  const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);
  const rule = DEFAULT_DEADLINE_RULES.find((r) => r.active)!;

  it('defaults to intake within 2 and a decision within 10 working days', () => {
    expect(
      DEFAULT_DEADLINE_RULES.filter((r) => r.active).map((r) => [r.scope, r.intakeWorkingDays, r.decisionWorkingDays]),
    ).toEqual([['DEFAULT', 2, 10]]);
  });

  it('counts across 国庆 2026 and its make-up Saturday, from the China date of the instant', () => {
    // 2026-09-30 01:00 in China (still 09-29 in UTC): 10-01…10-07 off, so the 2nd working day is Friday 10-09.
    expect(intakeDueOn(new Date('2026-09-29T17:00:00Z'), rule, calendar)).toEqual({
      date: '2026-10-09',
      provisional: false,
    });
    // Accepted Tuesday 09-29: 09-30, 10-08, 10-09, Saturday 10-10 (调休上班), 10-12 … 10-16, 10-19.
    expect(decisionDueOn(new Date('2026-09-29T02:00:00Z'), rule, calendar)).toEqual({
      date: '2026-10-19',
      provisional: false,
    });
    // A weekend application: Saturday 2026-03-07 → Monday and Tuesday.
    expect(intakeDueOn(new Date('2026-03-07T02:00:00Z'), rule, calendar).date).toBe('2026-03-10');
  });

  it('counts a limit across 2026-12-31 on the provisional 2027 and says so, never leaving it empty', () => {
    // Accepted Friday 2026-12-25: 12-28 … 12-31 (4), 2027-01-01 元旦 off, 01-04 … 01-08 (5), 01-11 (10th).
    expect(decisionDueOn(new Date('2026-12-25T02:00:00Z'), rule, calendar)).toEqual({
      date: '2027-01-11',
      provisional: true,
    });
    expect(intakeDueOn(new Date('2026-12-25T02:00:00Z'), rule, calendar)).toEqual({
      date: '2026-12-29',
      provisional: false,
    });
    expect(() => decisionDueOn(new Date('2028-12-25T02:00:00Z'), rule, calendar)).toThrow(CalendarNotCoveredError);
  });

  it('is overdue only while waiting, after its day', () => {
    const waiting = { status: RepairStatus.SUBMITTED, intakeDueOn: '2026-03-10', decisionDueOn: null };
    expect([isOverdue(waiting, '2026-03-10'), isOverdue(waiting, '2026-03-11')]).toEqual([false, true]);
    const accepted = { status: RepairStatus.ACCEPTED, intakeDueOn: '2026-03-01', decisionDueOn: '2026-03-20' };
    expect([isOverdue(accepted, '2026-03-11'), isOverdue(accepted, '2026-03-21')]).toEqual([false, true]);
    expect(isOverdue({ ...accepted, status: RepairStatus.APPROVED }, '2026-04-01')).toBe(false);
    expect(isOverdue({ ...waiting, intakeDueOn: null }, '2027-01-01')).toBe(false);
  });
});

describe('repair statistics', () => {
  const at = (iso: string) => new Date(iso);

  it('counts outcomes, the approval rate of the cases decided and the median days to decision', () => {
    const stats = repairStatistics([
      { status: RepairStatus.APPROVED, submittedAt: at('2026-03-01T02:00:00Z'), decidedAt: at('2026-03-11T02:00:00Z') },
      { status: RepairStatus.APPROVED, submittedAt: at('2026-03-01T02:00:00Z'), decidedAt: at('2026-03-05T02:00:00Z') },
      { status: RepairStatus.DENIED, submittedAt: at('2026-03-02T02:00:00Z'), decidedAt: at('2026-03-09T02:00:00Z') },
      {
        status: RepairStatus.REJECTED_AT_INTAKE,
        submittedAt: at('2026-03-02T02:00:00Z'),
        decidedAt: at('2026-03-03T02:00:00Z'),
      },
      { status: RepairStatus.WITHDRAWN, submittedAt: at('2026-03-02T02:00:00Z'), decidedAt: null },
      { status: RepairStatus.SUBMITTED, submittedAt: at('2026-03-09T02:00:00Z'), decidedAt: null },
    ]);
    expect(stats).toEqual({
      submitted: 6,
      open: 1,
      approved: 2,
      denied: 1,
      rejectedAtIntake: 1,
      withdrawn: 1,
      approvalRate: 0.6667,
      medianDaysToDecision: 7,
    });
    expect(repairStatistics([])).toMatchObject({ submitted: 0, approvalRate: 0, medianDaysToDecision: null });
  });

  it('takes the median of an even count as the mean of the middle two, and days by China date', () => {
    expect([median([4, 1, 10, 7]), median([3]), median([])]).toEqual([5.5, 3, null]);
    // 23:30 UTC is the next morning in China: one calendar day apart, not zero.
    expect(calendarDays(at('2026-03-01T02:00:00Z'), at('2026-03-01T23:30:00Z'))).toBe(1);
  });
});
