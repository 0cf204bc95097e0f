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

/** A connection that can hold a session-level lock across statements (a pg client checked out of a pool). */
export interface LockingClient {
  query<R extends object>(sql: string, params: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Takes the session-level advisory lock on `key` if it is free, without waiting: for work that must not
 * hold a transaction open (an HTTP call between statements) yet must run once across processes. The
 * same key as lockForTransaction's: the two exclude each other. Release with releaseSessionLock.
 */
export async function trySessionLock(client: LockingClient, key: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
  return result.rows[0].locked;
}

export async function releaseSessionLock(client: LockingClient, key: string): Promise<void> {
  await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
}
