/**
 * The numbers of what the reports subgraph issues: <prefix>-<year>-<sequence>, e.g.
 * GSXY-2026-000123 — a prefix per series, the year of issue in China, and a six-digit
 * sequence that restarts each year. Readable over the counter and on the phone; the
 * year says at a glance how old a document is.
 */
export interface NumberSeries {
  /** Four capital letters: GSXY (信用报告), GSJD (决定书). */
  prefix: string;
  /** What the series numbers, for error messages. */
  what: string;
}

export const MAX_SEQUENCE_PER_YEAR = 999_999;

export function formatDocumentNumber(series: NumberSeries, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw new RangeError(`${series.what} year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE_PER_YEAR) {
    throw new RangeError(`${series.what} sequence ${sequence} is outside 1–${MAX_SEQUENCE_PER_YEAR} for ${year}`);
  }
  return `${series.prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A number of the series as typed (spaces around, lower case) in its canonical form; null when it is not one. */
export function normalizeDocumentNumber(series: NumberSeries, value: string): string | null {
  const canonical = value.trim().toUpperCase();
  const match = /^([A-Z]{4})-(\d{4})-(\d{6})$/.exec(canonical);
  if (!match || match[1] !== series.prefix || Number(match[3]) === 0) return null;
  return canonical;
}

/** How the series' numbers look, for messages: GSJD-YYYY-NNNNNN. */
export function numberPattern(series: NumberSeries): string {
  return `${series.prefix}-YYYY-NNNNNN`;
}
