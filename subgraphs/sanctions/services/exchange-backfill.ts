import { runExchangeBackfill } from '../../../shared/db/exchange-backfill';
import type { EntityManager } from '../../../shared/db/orm';
import type { ShutdownSignal } from '../../../shared/http/graceful-stop';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { announceEntryRecords } from './announce';

/**
 * Every list entry written before the exchange producers (and the demo seed's) sent once as
 * records.changed, through the change path's snapshots (announceEntryRecords), 1,000 a chunk.
 */
export function backfillExchangeEntries(em: EntityManager, logger: Logger, shutdown: ShutdownSignal): Promise<void> {
  return runExchangeBackfill(
    em,
    logger,
    SCHEMA,
    [{ name: 'LIST_ENTRY', table: 'list_entry', announce: announceEntryRecords }],
    shutdown,
  );
}
