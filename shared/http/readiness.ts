import { Counter } from 'prom-client';
import { metricsRegistry } from '../metrics/registry';

/** What a readiness check found: each dependency's state, and whether the process should be sent traffic. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/** How long one check's result is answered again: a flood of probes costs at most one check a second. */
export const READINESS_CACHE_MS = 1000;

const checksRun = new Counter({
  name: 'gusu_readiness_checks_total',
  help: 'Readiness checks actually run (probes answered from the one-second cache are not counted), by outcome.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/**
 * Runs `check` at most once per `ttlMs`; probes arriving while one runs share
 * it. A check that throws counts as not ready (its message stays in the log).
 */
export function cachedReadiness(
  check: () => Promise<Readiness>,
  ttlMs = READINESS_CACHE_MS,
  now: () => number = Date.now,
): () => Promise<Readiness> {
  let last: { at: number; result: Readiness } | null = null;
  let running: Promise<Readiness> | null = null;
  return () => {
    if (last && now() - last.at < ttlMs) return Promise.resolve(last.result);
    running ??= check()
      .catch((): Readiness => ({ ready: false, checks: { check: 'failed' } }))
      .then((result) => {
        checksRun.inc({ outcome: result.ready ? 'ready' : 'not_ready' });
        last = { at: now(), result };
        return result;
      })
      .finally(() => (running = null));
    return running;
  };
}

/** `work` within `ms`, or a rejection saying it took too long (the work itself is left to finish). */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
