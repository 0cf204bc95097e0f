import { Counter } from 'prom-client';
import { metricsRegistry } from '../../shared/metrics/registry';

const rows = new Counter({
  name: 'gusu_ingest_rows_total',
  help: 'Rows of uploaded files (POST /ingest) applied, by outcome: created, updated, unchanged, rejected (an evaluation import: accepted, unchanged, rejected).',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** One applied batch's counts: those of its kind's `outcomes`. */
export function countIngestRows(counts: Readonly<Record<string, number>>, outcomes: readonly string[]): void {
  for (const outcome of outcomes) if ((counts[outcome] ?? 0) > 0) rows.inc({ outcome }, counts[outcome]);
}
