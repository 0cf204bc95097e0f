import type { Deadline, WorkingDayCalendar } from '../../../shared/domain/working-days';

/** A list's reporting rule (entities/list-rule.ts). */
export interface ReportingRule {
  reportDeadlineKind: 'MONTHLY' | 'WORKING_DAYS' | null;
  reportDays: number | null;
}

/**
 * The last day an entry decided on `decidedAt` may reach the platform (§15):
 * black-list entries by the 5th of the following month, red-list entries within
 * 5 working days of the designation document (provisional when counted over a year whose
 * notice is not loaded). null when the list has no deadline; a year the calendar does not
 * cover at all throws CalendarNotCoveredError.
 */
export function reportingDeadline(
  rule: ReportingRule,
  decidedAt: string,
  calendar: WorkingDayCalendar,
): Deadline | null {
  if (rule.reportDeadlineKind === null || rule.reportDays === null) return null;
  if (rule.reportDeadlineKind === 'WORKING_DAYS') return calendar.deadline(decidedAt, rule.reportDays);
  const [year, month] = decidedAt.split('-').map(Number);
  const next = new Date(Date.UTC(year, month, rule.reportDays));
  return { date: next.toISOString().slice(0, 10), provisional: false };
}
