import { GraphQLError } from 'graphql';
import { CalendarNotCoveredError } from '../domain/working-days';

/**
 * A deadline the calendar cannot compute (before the first notice, or past the provisional
 * horizon): said with its own code, the year and the field, never answered as null.
 */
export function calendarNotCovered(error: CalendarNotCoveredError, argument: string): GraphQLError {
  return new GraphQLError(`${error.message}: the credit office loads the State Council notice (setHolidayCalendar)`, {
    extensions: { code: 'CALENDAR_NOT_COVERED', year: error.year, argument },
  });
}

/** Runs a calendar computation; a year it cannot cover becomes calendarNotCovered(argument). */
export function withCalendar<T>(argument: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) throw calendarNotCovered(error, argument);
    throw error;
  }
}
