import type { EntityManager } from './orm';

/** Holds a transaction-scoped advisory lock on `key` until `em`'s transaction ends: writers of one key see each other. */
export async function lockForTransaction(em: EntityManager, key: string): Promise<void> {
  await em
    .getConnection()
    .execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'all', em.getTransactionContext());
}

/**
 * Takes the transaction-scoped advisory lock on `key` if no other transaction holds it, without waiting:
 * false when another process is doing the same work.
 */
export async function tryLockForTransaction(em: EntityManager, key: string): Promise<boolean> {
  const [row] = (await em
    .getConnection()
    .execute('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [key], 'all', em.getTransactionContext())) as {
    locked: boolean;
  }[];
  return row?.locked === true;
}
