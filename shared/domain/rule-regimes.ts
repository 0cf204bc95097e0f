/**
 * Rules that changed over time are kept as rows per regime, each in force from
 * a date (DESIGN.md, "Penalty publicity and repair"); a decision is judged by
 * the regime in force on its date. Used by the publicity-and-repair rule table
 * (subjects, rules/publicity.ts), the one table of penalty publicity and repair.
 */

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The latest regime in force on `date`; null before the first. */
export function regimeOn<T extends { regime: string; inForceFrom: string }>(
  rules: readonly T[],
  date: string,
): string | null {
  let best: T | null = null;
  for (const rule of rules) {
    if (rule.inForceFrom <= date && (best === null || rule.inForceFrom > best.inForceFrom)) best = rule;
  }
  return best?.regime ?? null;
}
