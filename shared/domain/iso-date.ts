/**
 * Day arithmetic on 'YYYY-MM-DD' strings as whole UTC days, so no answer depends on the
 * server's time zone. One copy for the calendar code (statutory holidays, notices, deadlines).
 */
export const MS_PER_DAY = 86_400_000;

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Saturday or Sunday. */
export function isWeekendDate(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
