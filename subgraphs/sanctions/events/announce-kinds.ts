import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { ListEntry } from '../entities/list-entry';
import { announce } from '../resolvers/list-workflow.resolver';

const BATCH = 500;

/**
 * Entries recorded before list kinds got their kind from a migration; repairs learns it
 * (and who designated, and whether it is repaired here) from one list-entry.changed per
 * entry, sent once, in batches, each batch in one transaction with its flags.
 */
export async function announcePendingKinds(em: EntityManager, logger: Logger): Promise<void> {
  let total = 0;
  for (;;) {
    const sent = await em.fork().transactional(async (tx) => {
      const pending = await tx.find(ListEntry, { kindAnnounced: false }, { orderBy: { id: 'asc' }, limit: BATCH });
      for (const entry of pending) await announce(tx, entry);
      return pending.length;
    });
    total += sent;
    if (sent < BATCH) break;
  }
  if (total > 0) logger.info({ entries: total }, 'list kinds announced to repairs');
}
