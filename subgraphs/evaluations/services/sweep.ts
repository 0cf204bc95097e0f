import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { announcePending } from './announce';
import { recomputeDue } from './recompute';

/** Publicity and validity end at midnight (China time); an hourly pass regrades within the hour after. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

let running: Promise<void> | null = null;
let again = false;

/**
 * One pass: the subjects due again (a fact ended by time, or a new model in force) are regraded, and
 * evaluations not yet announced are sent. Asked for while a pass runs (a model published meanwhile),
 * it runs once more after it, and the caller waits for both.
 */
export function sweepEvaluations(em: EntityManager, logger: Logger): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const started = Date.now();
        const result = await recomputeDue(em.fork());
        await announcePending(em.fork(), logger);
        if (result.evaluated > 0) logger.info({ ...result, ms: Date.now() - started }, 'due evaluations recomputed');
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * After start (SubgraphDefinition.afterStart): a pass now, then one every hour while the process
 * runs (the timer never holds the process open). A failed pass is logged; the next one retries.
 */
export async function startEvaluationSweep(em: EntityManager, logger: Logger): Promise<void> {
  const pass = () =>
    sweepEvaluations(em, logger).catch((error: unknown) =>
      logger.error({ err: error }, 'evaluation sweep failed: retried at the next pass'),
    );
  setInterval(() => void pass(), SWEEP_INTERVAL_MS).unref();
  await pass();
}
