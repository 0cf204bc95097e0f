import { Counter } from 'prom-client';
import { metricsRegistry } from '../../shared/metrics/registry';
import type { ReportCounts } from './report-mutation';

const rows = new Counter({
  name: 'gusu_ingest_rows_total',
  help: 'Rows of uploaded files (POST /ingest) applied, by outcome: created, updated, unchanged, rejected.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;

/** One applied batch's counts. */
export function countIngestRows(counts: ReportCounts): void {
  for (const outcome of OUTCOMES) if (counts[outcome] > 0) rows.inc({ outcome }, counts[outcome]);
}
