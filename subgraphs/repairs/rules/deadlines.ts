import { chinaToday } from '../../../shared/domain/today';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../../shared/domain/working-days';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import type { DeadlineRuleRow } from './rule-rows';

/**
 * Time limits of a case, in working days by the holiday calendar (调休 included):
 * accepted or rejected within `intakeWorkingDays` of the application, decided
 * within `decisionWorkingDays` of acceptance. A limit that falls in a year the
 * calendar does not cover is not guessed: it stays null until computed again.
 */
function dueOn(start: Date, workingDays: number, calendar: WorkingDayCalendar): string | null {
  try {
    return calendar.addWorkingDays(chinaToday(start), workingDays);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

export function intakeDueOn(submittedAt: Date, rule: Pick<DeadlineRuleRow, 'intakeWorkingDays'>, calendar: WorkingDayCalendar): string | null {
  return dueOn(submittedAt, rule.intakeWorkingDays, calendar);
}

export function decisionDueOn(acceptedAt: Date, rule: Pick<DeadlineRuleRow, 'decisionWorkingDays'>, calendar: WorkingDayCalendar): string | null {
  return dueOn(acceptedAt, rule.decisionWorkingDays, calendar);
}

export interface CaseDeadlines {
  status: RepairStatus;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
}

/** Overdue: still waiting for intake after its intake day, or for a decision after its decision day. */
export function isOverdue(repairCase: CaseDeadlines, today: string): boolean {
  if (repairCase.status === RepairStatus.SUBMITTED) return repairCase.intakeDueOn !== null && repairCase.intakeDueOn < today;
  if (repairCase.status === RepairStatus.ACCEPTED) return repairCase.decisionDueOn !== null && repairCase.decisionDueOn < today;
  return false;
}
