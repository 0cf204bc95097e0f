/** The date in China Standard Time ('YYYY-MM-DD') of an instant, today by default: validity, publicity and deadlines are judged by it. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
