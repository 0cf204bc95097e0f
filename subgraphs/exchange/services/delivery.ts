import { lockForTransaction } from '../../../shared/db/advisory-lock';
import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput, notFound } from '../../../shared/graphql/errors';
import { DeadLetter } from '../entities/dead-letter';
import { DeliveryStatus } from '../types/delivery-status';
import { pushLockKey } from './push-worker';

/** At most this many dead letters per replayDeadLetters call, and per deadLetters page. */
export const MAX_DEAD_LETTERS = 200;

interface StatusRow {
  code: string;
  push_enabled: boolean;
  last_seq: string;
  delivered_seq: string;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  last_success_at: Date | string | null;
  dead_letters: number;
}

const STATUS_SQL = `
  select r.code, (r.active and r.push_url is not null) as push_enabled, r.last_seq,
         coalesce(d.delivered_seq, 0) as delivered_seq, coalesce(d.attempts, 0) as attempts,
         d.next_attempt_at, d.last_error, d.last_success_at,
         (select count(*)::int from exchange.dead_letter l where l.receiver_code = r.code and l.replayed_at is null) as dead_letters
  from exchange.receiver r left join exchange.delivery_state d on d.receiver_code = r.code
  where r.code = ?`;

/** A timestamp as the driver answers it to a raw statement (text), as a Date. */
function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

function statusOf(row: StatusRow): DeliveryStatus {
  const status = new DeliveryStatus();
  status.receiver = row.code;
  status.pushEnabled = row.push_enabled;
  status.deliveredSeq = String(row.delivered_seq);
  status.lastSeq = String(row.last_seq);
  status.backlog = String(Math.max(0, Number(row.last_seq) - Number(row.delivered_seq)));
  status.attempts = row.attempts;
  status.nextAttemptAt = dateOf(row.next_attempt_at);
  status.lastError = row.last_error;
  status.lastSuccessAt = dateOf(row.last_success_at);
  status.deadLetters = row.dead_letters;
  return status;
}

/** One statement: the receiver, its delivery state and its count of dead letters. */
export async function deliveryStatus(em: EntityManager, receiver: string): Promise<DeliveryStatus> {
  const rows = await em.getConnection().execute<StatusRow[]>(STATUS_SQL, [receiver]);
  if (!rows[0]) throw notFound(`no receiver ${receiver}`, 'receiver');
  return statusOf(rows[0]);
}

async function requireReceiver(em: EntityManager, receiver: string): Promise<void> {
  const rows = await em
    .getConnection()
    .execute<{ code: string }[]>('select code from exchange.receiver where code = ?', [receiver]);
  if (!rows[0]) throw notFound(`no receiver ${receiver}`, 'receiver');
}

/** A receiver's dead letters, newest first (the replayed ones too: they say when). */
export async function deadLetters(em: EntityManager, receiver: string, first: number): Promise<DeadLetter[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_DEAD_LETTERS)
    throw badUserInput('first', `first must be 1 to ${MAX_DEAD_LETTERS}`);
  await requireReceiver(em, receiver);
  return em.find(DeadLetter, { receiverCode: receiver }, { orderBy: { createdAt: 'desc' }, limit: first });
}

/**
 * Asks for dead letters to be sent again (all of the receiver's not yet replayed, or those of `ids`): the
 * push worker sends each as a batch of its original entries, with their entry ids, before the feed's next.
 */
export async function replayDeadLetters(
  em: EntityManager,
  receiver: string,
  ids: string[] | null,
): Promise<DeadLetter[]> {
  if (ids && ids.length > MAX_DEAD_LETTERS)
    throw badUserInput('ids', `at most ${MAX_DEAD_LETTERS} dead letters per call`);
  if (ids?.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw badUserInput('ids', 'ids must be dead-letter ids (UUIDs)');
  await requireReceiver(em, receiver);
  const marked = await boundQuery<{ id: string }>(
    em,
    `update exchange.dead_letter set replay_requested_at = now(), replayed_at = null
     where receiver_code = ? and replayed_at is null and (?::uuid[] is null or id = any(?::uuid[]))
     returning id`,
    [receiver, ids, ids],
  );
  if (ids && marked.length < ids.length) {
    const known = new Set(marked.map((m) => m.id));
    const unknown = ids.find((id) => !known.has(id));
    throw notFound(`no dead letter ${unknown} of ${receiver} waiting to be sent`, 'ids');
  }
  return em.find(DeadLetter, { id: { $in: marked.map((m) => m.id) } }, { orderBy: { fromSeq: 'asc' } });
}

/**
 * A receiver that lost its state asks for everything after `toSeq` again: the delivered position moves back
 * (never forward past what it has), under the receiver's push lock, so no batch in flight overwrites it.
 * Entries keep their entry ids: a receiver that still has some ignores them.
 */
export async function rewindDelivery(em: EntityManager, receiver: string, toSeq: string): Promise<DeliveryStatus> {
  if (!/^\d{1,18}$/.test(toSeq)) throw badUserInput('toSeq', 'toSeq must be a seq: a whole number from 0');
  await requireReceiver(em, receiver);
  await em.transactional(async (tx) => {
    // Waits for a batch in flight (bounded by the push timeout): the worker holds the same key.
    await lockForTransaction(tx, pushLockKey(receiver));
    const [found] = await boundQuery<{ last_seq: string; delivered_seq: string }>(
      tx,
      `select r.last_seq, coalesce(d.delivered_seq, 0) as delivered_seq from exchange.receiver r
       left join exchange.delivery_state d on d.receiver_code = r.code where r.code = ?`,
      [receiver],
    );
    if (BigInt(toSeq) > BigInt(found.delivered_seq))
      throw badUserInput(
        'toSeq',
        `toSeq must be at most the delivered seq ${found.delivered_seq} (the feed's last is ${found.last_seq})`,
      );
    await boundQuery(
      tx,
      `insert into exchange.delivery_state (receiver_code, delivered_seq, attempts) values (?, ?, 0)
       on conflict (receiver_code) do update set delivered_seq = excluded.delivered_seq, attempts = 0,
         failing_since = null, next_attempt_at = null, updated_at = now()`,
      [receiver, toSeq],
    );
  });
  return deliveryStatus(em, receiver);
}
