import { chinaToday } from '../../../shared/domain/today';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import type { Deadline, WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { DeadlineRuleRow } from './rule-rows';

/**
 * Time limits of a case, in working days by the holiday calendar (调休 included):
 * accepted or rejected within `intakeWorkingDays` of the application, decided
 * within `decisionWorkingDays` of acceptance. A limit counted over a year whose
 * notice is not loaded is provisional (and recomputed when it is); a year the
 * calendar does not cover at all throws CalendarNotCoveredError — never a null
 * that would take the case out of overdueRepairCases.
 */
function dueOn(start: Date, workingDays: number, calendar: WorkingDayCalendar): Deadline {
  return calendar.deadline(chinaToday(start), workingDays);
}

export function intakeDueOn(
  submittedAt: Date,
  rule: Pick<DeadlineRuleRow, 'intakeWorkingDays'>,
  calendar: WorkingDayCalendar,
): Deadline {
  return dueOn(submittedAt, rule.intakeWorkingDays, calendar);
}

export function decisionDueOn(
  acceptedAt: Date,
  rule: Pick<DeadlineRuleRow, 'decisionWorkingDays'>,
  calendar: WorkingDayCalendar,
): Deadline {
  return dueOn(acceptedAt, rule.decisionWorkingDays, calendar);
}

export interface CaseDeadlines {
  status: RepairStatus;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
}

/** Overdue: still waiting for intake after its intake day, or for a decision after its decision day. */
export function isOverdue(repairCase: CaseDeadlines, today: string): boolean {
  if (repairCase.status === RepairStatus.SUBMITTED)
    return repairCase.intakeDueOn !== null && repairCase.intakeDueOn < today;
  if (repairCase.status === RepairStatus.ACCEPTED)
    return repairCase.decisionDueOn !== null && repairCase.decisionDueOn < today;
  return false;
}

/** What a receipt (受理回执) promises: intake by its day, and a decision at the latest the decision limit after that day. */
export interface PromisedDeadlines {
  intakeWorkingDays: number;
  intakeDueOn: Deadline;
  decisionWorkingDays: number;
  /** The decision limit counted from the last day of intake: the latest a decision is due if intake takes its whole time. */
  decisionDueOnAtLatest: Deadline;
}

export function promisedDeadlines(
  submittedAt: Date,
  rule: Pick<DeadlineRuleRow, 'intakeWorkingDays' | 'decisionWorkingDays'>,
  calendar: WorkingDayCalendar,
): PromisedDeadlines {
  const intake = intakeDueOn(submittedAt, rule, calendar);
  const decision = calendar.deadline(intake.date, rule.decisionWorkingDays);
  return {
    intakeWorkingDays: rule.intakeWorkingDays,
    intakeDueOn: intake,
    decisionWorkingDays: rule.decisionWorkingDays,
    decisionDueOnAtLatest: { date: decision.date, provisional: decision.provisional || intake.provisional },
  };
}
