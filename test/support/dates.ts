import { chinaToday } from '../../shared/domain/today';

/**
 * The tests' one way to say "a day in China": the production rule (shared/domain/today.ts), so a test's
 * dates and the services' judgement of validity, publicity and deadlines agree across UTC midnight.
 */
export { chinaToday };

/** The date in China `n` days before today (negative: after), as the tests' records are dated on the real clock. */
export function daysAgo(n: number): string {
  return chinaToday(new Date(Date.now() - n * 86_400_000));
}

/** The date in China `n` days after today (negative: before). */
export function daysFromToday(n: number): string {
  return daysAgo(-n);
}
