import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { closeDeliveryPool, openDeliveryPool } from './delivery-pool';
import { loadPushConfig } from './push-config';
import { PushWorker, startPushWorker } from './push-worker';
import { ReconcileSchedule, reconcileTime, scheduleDailyReconciliation } from './reconcile-schedule';

let running: { worker: PushWorker; schedule: ReconcileSchedule } | null = null;

/**
 * After start (SubgraphDefinition.afterStart): the push worker and the daily reconciliation, on the
 * delivery pool. The configuration is read first, so a malformed EXCHANGE_PUSH_* or EXCHANGE_RECONCILE_AT
 * is logged at start, naming the variable.
 */
export function startDelivery(em: EntityManager, logger: Logger): Promise<void> {
  if (running) return Promise.resolve();
  const config = loadPushConfig();
  const at = reconcileTime();
  const pool = openDeliveryPool(em.config.get('clientUrl') ?? '', logger);
  running = {
    worker: startPushWorker(pool, config, logger),
    schedule: scheduleDailyReconciliation(pool, em, at, logger),
  };
  logger.info({ pollMs: config.pollMs, backoff: config.backoff, reconcileAt: at }, 'push delivery started');
  return Promise.resolve();
}

/** SubgraphDefinition.stop: no new batch; those in flight finish (each bounded by the push timeout). */
export async function stopDelivery(): Promise<void> {
  const current = running;
  running = null;
  current?.schedule.stop();
  await current?.worker.stop();
  await closeDeliveryPool();
}
