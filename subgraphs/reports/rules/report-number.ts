import { formatDocumentNumber, normalizeDocumentNumber, NumberSeries } from './document-number';

/** 报告编号: GSXY-<year>-<sequence>, e.g. GSXY-2026-000123 — 姑苏信用 (rules/document-number.ts). */
export const REPORT_NUMBERS: NumberSeries = { prefix: 'GSXY', what: 'report number' };
export const REPORT_NUMBER_PREFIX = REPORT_NUMBERS.prefix;
export { MAX_SEQUENCE_PER_YEAR } from './document-number';

export function formatReportNumber(year: number, sequence: number): string {
  return formatDocumentNumber(REPORT_NUMBERS, year, sequence);
}

/** A number as typed (spaces around, lower case) in its canonical form; null when it is not one. */
export function normalizeReportNumber(value: string): string | null {
  return normalizeDocumentNumber(REPORT_NUMBERS, value);
}
