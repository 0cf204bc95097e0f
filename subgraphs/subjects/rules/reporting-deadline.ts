import { addCalendarDays } from '../../../shared/domain/iso-date';
import { Deadline, deadlineIfCovered, WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { DayUnit } from '../entities/reporting-rule';

export interface DeadlineRule {
  days: number;
  dayUnit: DayUnit;
}

/**
 * The last day a record decided on `decidedAt` reaches the platform in time:
 * 5 days after the decision for 双公示 (§5), 7 working days for the other eight
 * actions — provisional when counted over a year whose State Council notice is not
 * loaded (stored with the submission and recomputed when the notice comes). null
 * only when working days are needed for a year the calendar does not cover at all
 * (a decision before the first notice, 2022): such a record, years late anyway, is
 * not counted as timely rather than guessed.
 */
export function reportingDeadline(
  rule: DeadlineRule,
  decidedAt: string,
  calendar: WorkingDayCalendar | null,
): Deadline | null {
  if (rule.dayUnit === 'CALENDAR') return { date: addCalendarDays(decidedAt, rule.days), provisional: false };
  if (calendar === null) throw new Error('a working-day deadline needs the calendar');
  return deadlineIfCovered(calendar, decidedAt, rule.days);
}
