import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import type { EntityManager } from '../db/orm';
import { eventBus } from './bus';
import { CreditEvent, deadLetterQueue, EVENT_ROUTES, EventCatalogue, EventType } from './catalogue';

/**
 * pg-boss's statements, run on the caller's transaction. pg-boss numbers its
 * parameters ($1…); knex binds `?` in order, so each $n becomes a `?` bound
 * to the n-th value.
 */
function transactionDb(em: EntityManager): PgBoss.Db {
  const knex = em.getTransactionContext<Knex.Transaction>();
  if (!knex) throw new Error('publishEvent must run inside the transaction of the change it reports');
  return {
    async executeSql(text: string, values: unknown[]) {
      const order: number[] = [];
      const sql = text.replace(/\$(\d+)/g, (_match, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      });
      // knex refuses undefined bindings; pg-boss leaves unset options undefined, which SQL reads as null.
      const result = (await knex.raw(sql, order.map((i) => values[i] ?? null) as Knex.RawBinding[])) as {
        rows: unknown[];
      };
      return { rows: result.rows };
    },
  };
}

/**
 * Writes an event in the caller's transaction (`em` is the transactional
 * EntityManager): it exists if and only if the change that caused it commits.
 * Returns the event id, which consumers use to apply it once.
 */
export async function publishEvent<T extends EventType>(
  em: EntityManager,
  type: T,
  payload: EventCatalogue[T],
): Promise<string> {
  const event: CreditEvent<T> = { id: randomUUID(), type, payload, occurredAt: new Date().toISOString() };
  await insertJobs(em, type, [event]);
  return event.id;
}

/**
 * Many events of one type in one statement (a district regraded at once), with the
 * guarantees of publishEvent: written in the caller's transaction, each with its own id.
 */
export async function publishEvents<T extends EventType>(
  em: EntityManager,
  type: T,
  payloads: readonly EventCatalogue[T][],
): Promise<string[]> {
  if (payloads.length === 0) return [];
  const occurredAt = new Date().toISOString();
  const events: CreditEvent<T>[] = payloads.map((payload) => ({ id: randomUUID(), type, payload, occurredAt }));
  await insertJobs(em, type, events);
  return events.map((e) => e.id);
}

/**
 * The events as one job per queue of their route, all in one statement on the caller's transaction
 * (a statement per queue cost a round trip each: a report of 1,000 penalties tells repairs and evaluations).
 */
async function insertJobs<T extends EventType>(em: EntityManager, type: T, events: CreditEvent<T>[]): Promise<void> {
  const jobs = EVENT_ROUTES[type].flatMap((queue) =>
    events.map((data) => ({ name: queue, data, deadLetter: deadLetterQueue(queue) })),
  );
  if (jobs.length > 0) await eventBus().insert(jobs, { db: transactionDb(em) });
}
