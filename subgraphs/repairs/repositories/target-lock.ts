import type { EntityManager } from '../../../shared/db/orm';

/** Holds a transaction-scoped lock on one repair target: two applications for it see each other. */
export async function lockTarget(em: EntityManager, targetId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`repair:${targetId}`], 'all', em.getTransactionContext());
}
