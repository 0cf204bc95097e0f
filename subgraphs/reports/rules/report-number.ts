/**
 * 报告编号: GSXY-<year>-<sequence>, e.g. GSXY-2026-000123 — 姑苏信用, the year of
 * issue in China, and a six-digit sequence that restarts each year. Readable over
 * the counter and on the phone; the year says at a glance how old a report is.
 */
export const REPORT_NUMBER_PREFIX = 'GSXY';
export const MAX_SEQUENCE_PER_YEAR = 999_999;
const PATTERN = /^GSXY-(\d{4})-(\d{6})$/;

export function formatReportNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`report year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE_PER_YEAR) {
    throw new RangeError(`report sequence ${sequence} is outside 1–${MAX_SEQUENCE_PER_YEAR} for ${year}`);
  }
  return `${REPORT_NUMBER_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A number as typed (spaces around, lower case) in its canonical form; null when it is not one. */
export function normalizeReportNumber(value: string): string | null {
  const canonical = value.trim().toUpperCase();
  const match = PATTERN.exec(canonical);
  if (!match || Number(match[2]) === 0) return null;
  return canonical;
}
