import type pg from 'pg';
import { ConfigError, optionalEnv } from '../../../shared/config/env';
import { releaseSessionLock, trySessionLock } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { DailyTime, nextDailyRun, parseDailyTime } from '../rules/reconcile-schedule';
import { reconcileReceiver, ReconciliationBusy } from './reconcile';

/** Who the daily run's rows name as having asked (reconciliation.requested_by). */
export const SCHEDULED_BY = 'schedule';

/** A scheduled run of the same receiver this recently is not repeated (two processes, clocks apart). */
const RERUN_GUARD_HOURS = 12;

export function reconcileTime(env: NodeJS.ProcessEnv = process.env): DailyTime | null {
  const raw = optionalEnv('EXCHANGE_RECONCILE_AT', '03:00', env);
  const parsed = parseDailyTime(raw);
  if (parsed === undefined)
    throw new ConfigError(`environment variable EXCHANGE_RECONCILE_AT must be HH:MM (China time) or off, got '${raw}'`);
  return parsed;
}

/**
 * The daily run: every active receiver with a reconcile URL, each kind of its catalogue, once across
 * processes (a session lock on `exchange.reconcile-daily`, and no second scheduled run within 12 hours).
 */
export async function reconcileAll(pool: pg.Pool, em: EntityManager, logger: Logger): Promise<number> {
  const client = await pool.connect();
  const lockKey = 'exchange.reconcile-daily';
  let locked = false;
  try {
    locked = await trySessionLock(client, lockKey);
    if (!locked) return 0;
    const due = await client.query<{ code: string }>(
      `select r.code from exchange.receiver r where r.active and r.reconcile_url is not null
       and not exists (select 1 from exchange.reconciliation c where c.receiver_code = r.code
                       and c.requested_by = $1 and c.started_at > now() - make_interval(hours => $2))
       order by r.code`,
      [SCHEDULED_BY, RERUN_GUARD_HOURS],
    );
    let runs = 0;
    for (const { code } of due.rows) {
      const started = Date.now();
      try {
        const ids = await reconcileReceiver(pool, em.fork(), code, null, SCHEDULED_BY);
        runs += ids.length;
        logger.info({ receiver: code, kinds: ids.length, ms: Date.now() - started }, 'receiver reconciled');
      } catch (error) {
        if (!(error instanceof ReconciliationBusy))
          logger.error({ err: error, receiver: code }, 'reconciliation failed');
      }
    }
    return runs;
  } finally {
    if (locked) await releaseSessionLock(client, lockKey).catch(() => undefined);
    client.release();
  }
}

export interface ReconcileSchedule {
  stop(): void;
}

/** Arms a timer for the next EXCHANGE_RECONCILE_AT; nothing when it is `off`. The timer never holds the process open. */
export function scheduleDailyReconciliation(
  pool: pg.Pool,
  em: EntityManager,
  at: DailyTime | null,
  logger: Logger,
): ReconcileSchedule {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (!at || stopped) return;
    const delay = nextDailyRun(new Date(), at).getTime() - Date.now();
    timer = setTimeout(() => {
      void reconcileAll(pool, em, logger)
        .catch((error: unknown) => logger.error({ err: error }, 'daily reconciliation failed: retried tomorrow'))
        .finally(arm);
    }, delay);
    timer.unref();
  };
  arm();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
