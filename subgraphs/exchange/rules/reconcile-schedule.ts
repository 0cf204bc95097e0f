/**
 * When the daily reconciliation runs (EXCHANGE_RECONCILE_AT, China time `HH:MM`, default 03:00, or `off`):
 * the district's clock is UTC+8 all year (no daylight saving), so the next run is plain arithmetic.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface DailyTime {
  hour: number;
  minute: number;
}

/** `HH:MM` (00:00–23:59) → the time, `off` → null; anything else → undefined (the caller names the variable). */
export function parseDailyTime(raw: string): DailyTime | null | undefined {
  if (raw.trim().toLowerCase() === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** The first instant after `now` at which China's clock reads `at`. */
export function nextDailyRun(now: Date, at: DailyTime): Date {
  const chinaNow = now.getTime() + CHINA_OFFSET_MS;
  const chinaMidnight = Math.floor(chinaNow / DAY_MS) * DAY_MS;
  let run = chinaMidnight + (at.hour * 60 + at.minute) * 60_000;
  if (run <= chinaNow) run += DAY_MS;
  return new Date(run - CHINA_OFFSET_MS);
}
