import { lockForTransaction } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';
import { ListEntry } from '../entities/list-entry';

/** Holds a transaction-scoped lock on one subject's list entries: proposals and publications for it see each other. */
export function lockSubject(em: EntityManager, subjectId: string): Promise<void> {
  return lockForTransaction(em, subjectId);
}

/**
 * The subject lock of an entry's subject, taken before the entry's row is locked: a step on one entry
 * (its row, then the subject's verdict under this lock) and a publication (this lock, then the
 * subject's other published rows) would otherwise wait for each other (PostgreSQL: deadlock detected).
 * An entry's subject never changes, so it is read without a lock.
 */
export async function lockEntrySubject(em: EntityManager, entryId: string): Promise<void> {
  const entry = await em.findOne(ListEntry, { id: entryId }, { fields: ['subjectId'], disableIdentityMap: true });
  if (entry) await lockSubject(em, entry.subjectId);
}
