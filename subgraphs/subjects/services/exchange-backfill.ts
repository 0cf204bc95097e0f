import { runExchangeBackfill } from '../../../shared/db/exchange-backfill';
import type { EntityManager } from '../../../shared/db/orm';
import type { ShutdownSignal } from '../../../shared/http/graceful-stop';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { announceRecords } from './exchange-records';

/**
 * Every penalty and licence written before the exchange producers (and the demo seed's) sent once as
 * records.changed, through the change path's snapshots (announceRecords), 1,000 a chunk.
 */
export function backfillExchangeRecords(em: EntityManager, logger: Logger, shutdown: ShutdownSignal): Promise<void> {
  return runExchangeBackfill(
    em,
    logger,
    SCHEMA,
    [
      { name: 'PENALTY', table: 'administrative_penalty', announce: (tx, ids) => announceRecords(tx, 'PENALTY', ids) },
      { name: 'LICENSE', table: 'administrative_license', announce: (tx, ids) => announceRecords(tx, 'LICENSE', ids) },
    ],
    shutdown,
  );
}
