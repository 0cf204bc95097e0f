import type pg from 'pg';
import { releaseSessionLock, trySessionLock } from '../../../shared/db/advisory-lock';
import { SIGNATURE_HEADER, signBatch } from '../../../shared/exchange/signature';
import type { Logger } from '../../../shared/logging/logger';
import { afterFailure } from '../rules/backoff';
import { cutBatch, PushBatch } from '../rules/push-batch';
import type { PushConfig } from './push-config';
import { FEED_ENTRY_COLUMNS, FeedEntryJson, feedEntryJson, FeedEntryRow } from './push-entries';

/**
 * The push worker (docs/EXCHANGE.md, "Push delivery"): every `pollMs` it asks which active receivers with
 * a push URL have entries past their delivered seq (or a dead letter asked to be sent again) and are due;
 * for each, at most one batch is in flight. A receiver's delivery runs under a session advisory lock on
 * `exchange.push:<code>`, so two exchange processes never send one receiver two batches at once, and no
 * transaction stays open across the HTTP call. It works on the delivery pool (services/delivery-pool.ts).
 */
export interface PushWorker {
  /** Asks for a look now rather than at the next poll (a test, a rewind). */
  wake(): void;
  /** Stops polling and waits for the batches in flight (each bounded by the POST timeout). */
  stop(): Promise<void>;
}

interface DueReceiver {
  code: string;
}

interface ReceiverRow {
  code: string;
  push_url: string | null;
  push_secret: string | null;
  active: boolean;
  last_seq: string;
  delivered_seq: string;
  attempts: number;
  failing_since: Date | null;
  next_attempt_at: Date | null;
}

interface ReplayRow {
  id: string;
  from_seq: string;
  to_seq: string;
}

type SendOutcome = { ok: true } | { ok: false; error: string };

export function pushLockKey(receiver: string): string {
  return `exchange.push:${receiver}`;
}

/** The receivers with something to send and due now: one statement per poll. */
const DUE_SQL = `
  select r.code from exchange.receiver r
  left join exchange.delivery_state d on d.receiver_code = r.code
  where r.active and r.push_url is not null
    and (d.next_attempt_at is null or d.next_attempt_at <= now())
    and (r.last_seq > coalesce(d.delivered_seq, 0)
         or exists (select 1 from exchange.dead_letter l where l.receiver_code = r.code
                    and l.replay_requested_at is not null and l.replayed_at is null))`;

const RECEIVER_SQL = `
  select r.code, r.push_url, r.push_secret, r.active, r.last_seq,
         coalesce(d.delivered_seq, 0) as delivered_seq, coalesce(d.attempts, 0) as attempts,
         d.failing_since, d.next_attempt_at
  from exchange.receiver r left join exchange.delivery_state d on d.receiver_code = r.code
  where r.code = $1`;

async function post(
  url: string,
  secret: string,
  batch: PushBatch<FeedEntryJson>,
  timeoutMs: number,
): Promise<SendOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBatch(secret, batch.body),
        'idempotency-key': batch.batchId,
      },
      body: batch.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not needed; reading it frees the connection for the next batch.
    const text = await response.text();
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, error: `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500) };
  }
}

export function startPushWorker(pool: pg.Pool, config: PushConfig, logger: Logger): PushWorker {
  const inFlight = new Map<string, Promise<void>>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | null = null;

  async function entries(client: pg.PoolClient, code: string, afterSeq: string, upToSeq: string | null) {
    const rows = await client.query<FeedEntryRow>(
      `select ${FEED_ENTRY_COLUMNS} from exchange.feed_entry
       where receiver_code = $1 and seq > $2 and ($3::bigint is null or seq <= $3) order by seq limit $4`,
      [code, afterSeq, upToSeq, config.maxEntries],
    );
    return rows.rows.map(feedEntryJson);
  }

  /** Sends a dead letter asked to be sent again: null when none is pending, else whether it went through. */
  async function replayOne(client: pg.PoolClient, receiver: ReceiverRow): Promise<boolean | null> {
    const pending = await client.query<ReplayRow>(
      `select id, from_seq, to_seq from exchange.dead_letter
       where receiver_code = $1 and replay_requested_at is not null and replayed_at is null order by from_seq limit 1`,
      [receiver.code],
    );
    const letter = pending.rows[0];
    if (!letter) return null;
    const batch = cutBatch(
      receiver.code,
      await entries(client, receiver.code, String(Number(letter.from_seq) - 1), letter.to_seq),
      {
        maxEntries: config.maxEntries,
        maxBodyBytes: Number.MAX_SAFE_INTEGER,
      },
    );
    const outcome = batch
      ? await post(receiver.push_url ?? '', receiver.push_secret ?? '', batch, config.timeoutMs)
      : { ok: true as const };
    if (outcome.ok) {
      await client.query(`update exchange.dead_letter set replayed_at = now(), last_error = null where id = $1`, [
        letter.id,
      ]);
    } else {
      await recordFailure(client, receiver, outcome.error, false);
      await client.query(`update exchange.dead_letter set last_error = $2 where id = $1`, [letter.id, outcome.error]);
    }
    return outcome.ok;
  }

  /** A failed attempt: back off, or — failing too long, and not a replay — set the batch aside. */
  async function recordFailure(
    client: pg.PoolClient,
    receiver: ReceiverRow,
    error: string,
    deadLetterable: boolean,
    batch?: PushBatch<FeedEntryJson>,
  ): Promise<void> {
    const now = new Date();
    const attempts = receiver.attempts + 1;
    const failingSince = receiver.failing_since ? new Date(receiver.failing_since) : now;
    const outcome = afterFailure(config.backoff, attempts, failingSince, now, Math.random());
    await client.query('begin');
    try {
      if (outcome.kind === 'DEAD_LETTER' && deadLetterable && batch) {
        await client.query(
          `insert into exchange.dead_letter (receiver_code, from_seq, to_seq, attempts, last_error) values ($1, $2, $3, $4, $5)`,
          [receiver.code, batch.fromSeq, batch.toSeq, attempts, error],
        );
        await client.query(
          `insert into exchange.delivery_state as d (receiver_code, delivered_seq, attempts, failing_since, next_attempt_at, last_error)
           values ($1, $2, 0, null, null, $3)
           on conflict (receiver_code) do update set delivered_seq = excluded.delivered_seq, attempts = 0,
             failing_since = null, next_attempt_at = null, last_error = excluded.last_error, updated_at = now()`,
          [receiver.code, batch.toSeq, error],
        );
        logger.warn({ receiver: receiver.code, batchId: batch.batchId, attempts, error }, 'push batch dead-lettered');
      } else {
        const next = outcome.kind === 'RETRY' ? outcome.nextAttemptAt : new Date(now.getTime() + config.backoff.capMs);
        await client.query(
          `insert into exchange.delivery_state as d (receiver_code, delivered_seq, attempts, failing_since, next_attempt_at, last_error)
           values ($1, 0, $2, $3, $4, $5)
           on conflict (receiver_code) do update set attempts = excluded.attempts, failing_since = excluded.failing_since,
             next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, updated_at = now()`,
          [receiver.code, attempts, failingSince, next, error],
        );
      }
      await client.query('commit');
    } catch (failure) {
      await client.query('rollback');
      throw failure;
    }
  }

  /**
   * One batch (or one replay) of one receiver, under its lock; true when it succeeded and more may be
   * waiting. The lock is taken per batch, so a rewind (which waits for it) comes in between two batches.
   */
  async function deliverOnce(code: string): Promise<boolean> {
    const client = await pool.connect();
    let locked = false;
    try {
      locked = await trySessionLock(client, pushLockKey(code));
      if (!locked) return false;
      const found = await client.query<ReceiverRow>(RECEIVER_SQL, [code]);
      const receiver = found.rows[0];
      if (!receiver || !receiver.active || !receiver.push_url || !receiver.push_secret) return false;
      if (receiver.next_attempt_at && new Date(receiver.next_attempt_at).getTime() > Date.now()) return false;
      const replay = await replayOne(client, receiver);
      if (replay !== null) return replay;
      const batch = cutBatch(code, await entries(client, code, receiver.delivered_seq, null), config);
      if (!batch) return false;
      const outcome = await post(receiver.push_url, receiver.push_secret, batch, config.timeoutMs);
      if (!outcome.ok) {
        await recordFailure(client, receiver, outcome.error, true, batch);
        return false;
      }
      // Forward only from the position read under this lock: a rewind waits for it.
      await client.query(
        `insert into exchange.delivery_state as d (receiver_code, delivered_seq, attempts, last_success_at)
         values ($1, $2, 0, now())
         on conflict (receiver_code) do update set delivered_seq = excluded.delivered_seq, attempts = 0,
           failing_since = null, next_attempt_at = null, last_error = null, last_success_at = now(), updated_at = now()`,
        [code, batch.toSeq],
      );
      return true;
    } finally {
      if (locked) await releaseSessionLock(client, pushLockKey(code)).catch(() => undefined);
      client.release();
    }
  }

  async function deliver(code: string): Promise<void> {
    while (!stopping && (await deliverOnce(code)));
  }

  async function poll(): Promise<void> {
    const due = await pool.query<DueReceiver>(DUE_SQL);
    for (const { code } of due.rows) {
      if (inFlight.has(code) || stopping) continue;
      const work = deliver(code)
        .catch((error: unknown) =>
          logger.error({ err: error, receiver: code }, 'push delivery failed: retried at the next poll'),
        )
        .finally(() => inFlight.delete(code));
      inFlight.set(code, work);
    }
  }

  function schedule(delayMs: number): void {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      polling = poll()
        .catch((error: unknown) => logger.warn({ err: error }, 'push poll failed'))
        .finally(() => {
          polling = null;
          schedule(config.pollMs);
        });
    }, delayMs);
    timer.unref();
  }

  schedule(0);
  return {
    wake: () => {
      if (!polling) schedule(0);
    },
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await polling;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
