import { CalendarNotCoveredError, WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { DayUnit } from '../entities/reporting-rule';

export interface DeadlineRule {
  days: number;
  dayUnit: DayUnit;
}

function addCalendarDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/**
 * The last day a record decided on `decidedAt` reaches the platform in time:
 * 5 days after the decision for 双公示 (§5), 7 working days for the other eight
 * actions. null when working days are needed for a year the calendar does not
 * cover: such a record is not counted as timely rather than guessed.
 */
export function reportingDeadline(rule: DeadlineRule, decidedAt: string, calendar: WorkingDayCalendar | null): string | null {
  if (rule.dayUnit === 'CALENDAR') return addCalendarDays(decidedAt, rule.days);
  if (calendar === null) throw new Error('a working-day deadline needs the calendar');
  try {
    return calendar.addWorkingDays(decidedAt, rule.days);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}
