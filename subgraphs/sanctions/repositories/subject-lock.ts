import type { EntityManager } from '../../../shared/db/orm';

/** Holds a transaction-scoped lock on one subject's list entries: proposals and publications for it see each other. */
export async function lockSubject(em: EntityManager, subjectId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [subjectId], 'all', em.getTransactionContext());
}
