import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { ListEntry } from '../entities/list-entry';
import { announceEntries } from '../services/announce';

const BATCH = 500;

/**
 * Entries recorded before list kinds got their kind from a migration; repairs learns it
 * (and who designated, and whether it is repaired here) from one list-entry.changed per
 * entry, sent once, in batches, each batch in one transaction with its flags (and the
 * exchange gets them as records.changed, in the same call).
 *
 * Runs in the background while the subgraph serves (afterStart), so a batch takes only rows no one
 * else holds (FOR UPDATE SKIP LOCKED) and keeps them locked until its events are written: a step
 * that changes an entry locks it before it announces, so it either holds the row (and announces it
 * itself) or waits for the batch and sends the later event. Unlocked, a batch could send a status
 * read before a concurrent change, stamped after it, and repairs would keep the older status.
 * Batches go on until one finds nothing; a row skipped because it was held is taken by a later
 * batch once free, else at the next start (a step that held it to change it has announced it).
 */
export async function announcePendingKinds(em: EntityManager, logger: Logger): Promise<void> {
  let total = 0;
  for (;;) {
    const sent = await em.fork().transactional(async (tx) => {
      const pending = await tx.find(
        ListEntry,
        { kindAnnounced: false },
        { orderBy: { id: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      await announceEntries(tx, pending);
      return pending.length;
    });
    total += sent;
    if (sent === 0) break;
  }
  if (total > 0) logger.info({ entries: total }, 'list kinds announced to repairs');
}
