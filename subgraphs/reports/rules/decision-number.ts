import type { NumberSeries } from './document-number';

/**
 * 决定书编号: GSJD-<year>-<sequence>, e.g. GSJD-2026-000007 — 姑苏决定; one series for
 * 信用修复决定书 and 异议处理决定书 (the document says which it is), its own counter.
 */
export const DECISION_NUMBERS: NumberSeries = { prefix: 'GSJD', what: 'decision document number' };
