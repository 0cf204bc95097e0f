import { chinaToday } from '../../shared/domain/today';

/** The date in China `n` days before today (negative: after), as the tests' records are dated on the real clock. */
export function daysAgo(n: number): string {
  return chinaToday(new Date(Date.now() - n * 86_400_000));
}
