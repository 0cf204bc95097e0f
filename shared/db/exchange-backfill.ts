import type { ShutdownSignal } from '../http/graceful-stop';
import type { Logger } from '../logging/logger';
import { tryLockForTransaction } from './advisory-lock';
import { boundQuery } from './bound-query';
import type { EntityManager } from './orm';

/** Records per chunk: one records.changed event and one transaction each. */
export const BACKFILL_CHUNK = 1000;

/** Tries of one chunk before the run gives up until the next start (a deadlock with a change locking the same rows). */
const CHUNK_ATTEMPTS = 5;
const RETRY_DELAY_MS = 1000;

/** One kind of record a subgraph shares, sent once in full to the exchange after the deploy. */
export interface BackfillKind {
  /** The row of `<schema>.exchange_backfill` that keeps this kind's progress (e.g. PENALTY). */
  name: string;
  /** The kind's table in the subgraph's schema; its key `id` is a uuid. */
  table: string;
  /** Publishes records.changed for these records through the change path's snapshot builder, in `tx`. */
  announce(tx: EntityManager, ids: readonly string[]): Promise<void>;
}

/**
 * One chunk in one transaction: the next `size` records after the kind's cursor, locked (a change in
 * flight commits first, so its version is lower than the one sent here; a change after waits, so its
 * version is higher), announced, and the cursor moved past them — committed with the event, so a crash
 * resumes at the first record not sent. Null when another process holds the backfill's lock.
 * Six statements plus `announce`'s.
 */
export async function backfillChunk(
  em: EntityManager,
  schema: string,
  kind: BackfillKind,
  size = BACKFILL_CHUNK,
): Promise<{ sent: number; done: boolean } | null> {
  return em.fork().transactional(async (tx) => {
    if (!(await tryLockForTransaction(tx, `${schema}.exchange_backfill`))) return null;
    const [progress] = await boundQuery<{ afterId: string | null; done: boolean }>(
      tx,
      `select after_id as "afterId", done from ${schema}.exchange_backfill where name = ?`,
      [kind.name],
    );
    if (!progress || progress.done) return { sent: 0, done: true };
    const rows = await boundQuery<{ id: string }>(
      tx,
      `select id from ${schema}.${kind.table} where ?::uuid is null or id > ?::uuid order by id limit ? for update`,
      [progress.afterId, progress.afterId, size],
    );
    const ids = rows.map((r) => r.id);
    await kind.announce(tx, ids);
    const done = ids.length < size;
    await boundQuery(
      tx,
      `update ${schema}.exchange_backfill set after_id = coalesce(?::uuid, after_id), sent = sent + ?, done = ? where name = ?`,
      [ids.at(-1) ?? null, ids.length, done, kind.name],
    );
    return { sent: ids.length, done };
  });
}

/** A chunk, tried again after a failure (its transaction rolled back: nothing sent, the cursor unmoved) unless the process is stopping. */
async function chunkWithRetries(
  em: EntityManager,
  logger: Logger,
  schema: string,
  kind: BackfillKind,
  shutdown: ShutdownSignal,
): Promise<{ sent: number; done: boolean } | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await backfillChunk(em, schema, kind);
    } catch (error: unknown) {
      if (attempt >= CHUNK_ATTEMPTS || shutdown.isStopping) throw error;
      logger.warn({ err: error, kind: kind.name, attempt }, 'exchange backfill chunk failed: tried again');
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    }
  }
}

/**
 * Sends every record of these kinds that existed before the exchange producers were deployed (and the
 * demo seed's, written without events) to the exchange once, chunk by chunk, resuming where the last
 * run stopped; stops when done, when another process holds the lock, or when the process stops.
 */
export async function runExchangeBackfill(
  em: EntityManager,
  logger: Logger,
  schema: string,
  kinds: readonly BackfillKind[],
  shutdown: ShutdownSignal,
): Promise<void> {
  for (const kind of kinds) {
    const started = Date.now();
    let sent = 0;
    let chunks = 0;
    for (;;) {
      if (shutdown.isStopping) {
        logger.info({ kind: kind.name, sent, ms: Date.now() - started }, 'exchange backfill paused by shutdown');
        return;
      }
      const chunk = await chunkWithRetries(em, logger, schema, kind, shutdown);
      if (chunk === null) {
        logger.info({ kind: kind.name, sent }, 'exchange backfill left to the process holding its lock');
        return;
      }
      sent += chunk.sent;
      if (chunk.sent > 0) chunks += 1;
      if (chunk.done) break;
    }
    if (chunks > 0) logger.info({ kind: kind.name, sent, chunks, ms: Date.now() - started }, 'exchange backfill done');
  }
}
