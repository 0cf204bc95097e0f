import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS } from '../../shared/metrics/buckets';
import { metricsRegistry } from '../../shared/metrics/registry';

const duration = new Histogram({
  name: 'gusu_audit_write_duration_seconds',
  help: 'Time of one write to the audit log (one group of requests\u2019 audited reads), by outcome (ok, failed).',
  labelNames: ['outcome'] as const,
  buckets: [...LATENCY_BUCKETS],
  registers: [metricsRegistry],
});

const failures = new Counter({
  name: 'gusu_audit_write_failures_total',
  help: 'Audit log writes that failed (each failure makes its requests answer AUDIT_UNAVAILABLE unless a retry alone succeeds).',
  registers: [metricsRegistry],
});

/** Times one audit write; a failure is counted and thrown on. */
export async function timedAuditWrite(write: () => Promise<void>): Promise<void> {
  const stop = duration.startTimer();
  try {
    await write();
    stop({ outcome: 'ok' });
  } catch (error) {
    stop({ outcome: 'failed' });
    failures.inc();
    throw error;
  }
}
