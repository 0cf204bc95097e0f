import type { EntityManager } from './orm';

/** Holds a transaction-scoped advisory lock on `key` until `em`'s transaction ends: writers of one key see each other. */
export async function lockForTransaction(em: EntityManager, key: string): Promise<void> {
  await em
    .getConnection()
    .execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'all', em.getTransactionContext());
}
