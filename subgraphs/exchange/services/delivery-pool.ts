import pg from 'pg';
import { sessionTimeouts } from '../../../shared/db/timeouts';
import { EVENT_BUS_APPLICATION } from '../../../shared/events/bus';
import type { Logger } from '../../../shared/logging/logger';

/**
 * The connections of the push worker and of reconciliation: a pool of their own, so a delivery holding
 * its receiver's session lock across an HTTP call never takes a slot from requests, and named like the
 * event bus's, so the SQL counter of requests (/metrics) leaves their polling out.
 */
let current: pg.Pool | null = null;

export function openDeliveryPool(databaseUrl: string, logger: Logger): pg.Pool {
  if (current) return current;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: EVENT_BUS_APPLICATION,
    max: 10,
    ...sessionTimeouts(),
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'delivery connection lost'));
  current = pool;
  return pool;
}

/** The pool opened at start (afterStart); a request before that is refused. */
export function deliveryPool(): pg.Pool {
  if (!current) throw new Error('the delivery pool is not open: the exchange subgraph has not started its workers');
  return current;
}

export async function closeDeliveryPool(): Promise<void> {
  const pool = current;
  current = null;
  await pool?.end();
}
