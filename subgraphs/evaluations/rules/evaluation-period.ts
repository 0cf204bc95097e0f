/**
 * 评价周期 / 抽查周期 as text: a year (`2026`), a half (`2026-H1`), a quarter (`2026-Q4`) or a month
 * (`2026-11`). Evaluations are annual (纳税信用), half-yearly or quarterly (公共信用综合评价 pushes) or
 * monthly; spot-check plans are made per year, half or quarter. One grammar for both, so the
 * hall, the import and the draws read a period the same way.
 */
const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/** The earliest year a period may name (the unified code, hence any evaluation keyed by it, dates from 2015). */
export const FIRST_PERIOD_YEAR = 2015;

/** Why `text` is no period (Chinese, for a rejection reason); null when it is one not after `today`'s year + 1. */
export function periodProblem(text: string, today: string): string | null {
  const match = PERIOD.exec(text);
  if (!match) return `评价周期“${text}”格式应为 YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-MM`;
  const year = Number(match[1]);
  const latest = Number(today.slice(0, 4)) + 1;
  if (year < FIRST_PERIOD_YEAR || year > latest)
    return `评价周期“${text}”的年份应在 ${FIRST_PERIOD_YEAR}–${latest} 之间`;
  return null;
}
