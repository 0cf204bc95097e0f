import type PgBoss from 'pg-boss';
import { boundQuery } from '../db/bound-query';
import type { EntityManager, MikroORM } from '../db/orm';
import type { Logger } from '../logging/logger';
import type { CreditEvent, EventType } from './catalogue';

/** Applies one event inside the consumer's transaction (`em`). Throwing retries it later. */
export type EventHandler<T extends EventType> = (
  em: EntityManager,
  event: CreditEvent<T>,
  logger: Logger,
) => Promise<void>;

/**
 * Applies every event of one fetch inside one transaction (`em`): the events not applied before, in the
 * order fetched. For a set-based consumer whose statements do not grow with the events it applies at once.
 */
export type BatchHandler<T extends EventType> = (
  em: EntityManager,
  events: CreditEvent<T>[],
  logger: Logger,
) => Promise<void>;

/**
 * How a consumer fetches: events per fetch, the wait between fetches (default CONSUMER_BATCH, 0.5 s: pg-boss's
 * least), and how many workers poll the queue side by side in the process (default 1; with two, one applies
 * while the other waits out its interval).
 */
export interface ConsumerPolling {
  batchSize?: number;
  pollingIntervalSeconds?: number;
  workers?: number;
}

export interface EventConsumer<T extends EventType = EventType> extends ConsumerPolling {
  /** One of the event's queues in EVENT_ROUTES. */
  queue: string;
  type: T;
  handle: EventHandler<T>;
  /** When set, a whole fetch is applied in one transaction by this (applyBatchOnce) instead of one by one. */
  handleBatch?: BatchHandler<T>;
}

/**
 * Polling for set-based consumers fed in bulk (the exchange's feed; every subject's grade): pg-boss waits its
 * interval (at least 0.5 s) after every fetch, so the default 50 per poll caps a queue near 100 events/s;
 * 1,000 per poll and two workers (one applies while the other waits) keep up with 1,000 a second.
 * Their transactions lock rows in key order, so the two workers do not deadlock.
 */
export const BULK_POLLING: ConsumerPolling = { batchSize: 1000, pollingIntervalSeconds: 0.5, workers: 2 };

/** Declares a consumer with its handler typed by the event. */
export function consumer<T extends EventType>(queue: string, type: T, handle: EventHandler<T>): EventConsumer {
  return { queue, type, handle: handle as unknown as EventHandler<EventType> };
}

/**
 * Declares a consumer that applies each fetch in one transaction (`handleBatch`; a redelivered single event goes
 * the same way, as a batch of one), fetching `polling.batchSize` events every `polling.pollingIntervalSeconds`.
 */
export function batchConsumer<T extends EventType>(
  queue: string,
  type: T,
  handleBatch: BatchHandler<T>,
  polling: ConsumerPolling = {},
): EventConsumer {
  const handle: EventHandler<T> = (em, event, logger) => handleBatch(em, [event], logger);
  return {
    queue,
    type,
    handle: handle as unknown as EventHandler<EventType>,
    handleBatch: handleBatch as unknown as BatchHandler<EventType>,
    ...polling,
  };
}

/**
 * Applies an event at most once: its id is recorded in `<schema>.applied_event`
 * in the same transaction as the effect. A redelivered event (the consumer died
 * before acknowledging it) finds its id there and changes nothing.
 */
export async function applyOnce(
  em: EntityManager,
  schema: string,
  event: CreditEvent,
  consumer: EventConsumer,
  logger: Logger,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const claimed = await boundQuery<{ id: string }>(
      tx,
      `insert into ${schema}.applied_event (id, type, applied_at) values (?, ?, now()) on conflict do nothing returning id`,
      [event.id, event.type],
    );
    if (claimed.length === 0) return false;
    await consumer.handle(tx, event, logger);
    return true;
  });
}

/**
 * Applies a fetch of events at most once each, in one transaction: their ids are claimed in one statement and
 * the handler gets the ones claimed (none when all were applied before). Returns the ids applied.
 */
export async function applyBatchOnce(
  em: EntityManager,
  schema: string,
  events: CreditEvent[],
  handleBatch: BatchHandler<EventType>,
  logger: Logger,
): Promise<Set<string>> {
  return em.transactional(async (tx) => {
    const claimed = await boundQuery<{ id: string }>(
      tx,
      `insert into ${schema}.applied_event (id, type, applied_at)
         select e.id, e.type, now() from unnest(?::uuid[], ?::text[]) as e(id, type) on conflict do nothing returning id`,
      [events.map((e) => e.id), events.map((e) => e.type)],
    );
    const ids = new Set(claimed.map((row) => row.id));
    const fresh = events.filter((e) => ids.has(e.id));
    if (fresh.length > 0) await handleBatch(tx, fresh, logger);
    return ids;
  });
}

/** Points a test can hook into; production passes none. */
export interface ConsumerHooks {
  /** Called after an event's effect committed and before pg-boss acknowledges it (the at-least-once test dies here). */
  afterApply?: (event: CreditEvent) => void;
}

/**
 * Events fetched per poll. pg-boss 10 waits the polling interval after every fetch, full or not, so one
 * event per fetch capped a queue at 2 events/s: the evaluations subgraph announcing the demo district's
 * 1,906 grades kept sanctions 16 minutes behind. Each event still applies in its own transaction; when
 * one throws, pg-boss retries the whole fetch and the ones already applied find their id and do nothing.
 * 50 events take well under the 8 s a consumer may hold them (EVENT_EXPIRE_SECONDS).
 */
const CONSUMER_BATCH = 50;

/**
 * Works the subgraph's queues. pg-boss acknowledges an event when the handler
 * returns, retries it with back-off when it throws, and moves it to the queue's
 * dead letters when the retries are spent.
 */
export async function startConsumers(
  boss: PgBoss,
  orm: MikroORM,
  schema: string,
  consumers: EventConsumer[],
  logger: Logger,
  hooks: ConsumerHooks = {},
): Promise<void> {
  for (const consumer of consumers)
    for (let worker = 0; worker < (consumer.workers ?? 1); worker++)
      await work(boss, orm, schema, consumer, logger, hooks);
}

/**
 * The events of a fetch whose batch failed, each in its own transaction (its handler, a batch of one): one that
 * throws is failed by id, so pg-boss retries it alone; the others complete when the fetch returns (pg-boss
 * completes only the jobs still active).
 */
async function applyEachOnce(
  boss: PgBoss,
  orm: MikroORM,
  schema: string,
  consumer: EventConsumer,
  jobs: PgBoss.Job<CreditEvent>[],
  logger: Logger,
  hooks: ConsumerHooks,
): Promise<void> {
  for (const job of jobs) {
    try {
      const applied = await applyOnce(orm.em.fork(), schema, job.data, consumer, logger);
      logger.info({ event: job.data.id, type: job.data.type, queue: consumer.queue, applied }, 'event applied alone');
      hooks.afterApply?.(job.data);
    } catch (error) {
      logger.warn({ event: job.data.id, queue: consumer.queue, err: error }, 'event failed');
      await boss.fail(consumer.queue, job.id, error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** One worker of a consumer's queue. */
async function work(
  boss: PgBoss,
  orm: MikroORM,
  schema: string,
  consumer: EventConsumer,
  logger: Logger,
  hooks: ConsumerHooks,
): Promise<void> {
  const { handleBatch } = consumer;
  await boss.work<CreditEvent>(
    consumer.queue,
    {
      pollingIntervalSeconds: consumer.pollingIntervalSeconds ?? 0.5,
      batchSize: consumer.batchSize ?? CONSUMER_BATCH,
    },
    async (jobs) => {
      if (handleBatch) {
        const events = jobs.map((job) => job.data);
        let applied: Set<string>;
        try {
          applied = await applyBatchOnce(orm.em.fork(), schema, events, handleBatch, logger);
        } catch (error) {
          if (jobs.length === 1) throw error;
          // One bad event must not take the others of its fetch to the dead letters: each is applied on its own,
          // and only those that throw again are failed (retried, then dead-lettered) as a lone event would be.
          logger.warn({ queue: consumer.queue, fetched: jobs.length, err: error }, 'batch failed; applying one by one');
          await applyEachOnce(boss, orm, schema, consumer, jobs, logger, hooks);
          return;
        }
        logger.info(
          { queue: consumer.queue, fetched: events.length, applied: applied.size },
          'events applied as one batch',
        );
        for (const event of events) hooks.afterApply?.(event);
        return;
      }
      for (const job of jobs) {
        const applied = await applyOnce(orm.em.fork(), schema, job.data, consumer, logger);
        logger.info(
          { event: job.data.id, type: job.data.type, queue: consumer.queue, applied },
          applied ? 'event applied' : 'event already applied',
        );
        hooks.afterApply?.(job.data);
      }
    },
  );
}
