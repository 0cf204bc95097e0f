import { Counter, Gauge } from 'prom-client';
import { within } from '../http/readiness';
import type { Logger } from '../logging/logger';
import { metricsRegistry } from './registry';

/** One query for both gauges of a scrape; pg-boss's partial index job_i5 (name, start_after) where state < 'active' answers it. */
const QUEUE_STATE = `
  select name, count(*)::int as depth, coalesce(extract(epoch from now() - min(created_on)), 0)::float8 as age
  from pgboss.job
  where name = any(string_to_array(?, ',')) and state < 'active'
  group by name`;

/** A scrape must not hang on a busy database: past this the gauges are left empty and the failure counted. */
const QUERY_TIMEOUT_MS = 1000;

export type QueueQuery = (sql: string, params: unknown[]) => Promise<{ name: string; depth: number; age: number }[]>;

interface QueueWatch {
  queues: string[];
  query: QueueQuery;
  logger: Logger;
}

let watched: QueueWatch | null = null;
/** The gauges' two collect() calls of one scrape share one query. */
let current: Promise<Map<string, { depth: number; age: number }> | null> | null = null;

async function queueState(): Promise<Map<string, { depth: number; age: number }> | null> {
  const watch = watched;
  if (!watch || watch.queues.length === 0) return new Map();
  try {
    const rows = await within(QUERY_TIMEOUT_MS, watch.query(QUEUE_STATE, [watch.queues.join(',')]));
    const state = new Map(watch.queues.map((queue) => [queue, { depth: 0, age: 0 }]));
    for (const row of rows) state.set(row.name, { depth: Number(row.depth), age: Number(row.age) });
    return state;
  } catch (error) {
    failures.inc();
    watch.logger.warn({ err: error }, 'event queue metrics could not be read');
    return null;
  }
}

function sharedQueueState(): Promise<Map<string, { depth: number; age: number }> | null> {
  current ??= queueState().finally(() => setImmediate(() => (current = null)));
  return current;
}

const failures = new Counter({
  name: 'gusu_event_queue_metrics_failures_total',
  help: 'Scrapes at which the event queue gauges could not be read from the pg-boss tables (timeout or database error).',
  registers: [metricsRegistry],
});

new Gauge({
  name: 'gusu_event_queue_depth',
  help: 'Events waiting in a queue this process consumes (created or waiting for a retry, not yet picked up).',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
  async collect() {
    const state = await sharedQueueState();
    this.reset();
    for (const [queue, { depth }] of state ?? []) this.set({ queue }, depth);
  },
});

new Gauge({
  name: 'gusu_event_queue_oldest_age_seconds',
  help: 'Age of the oldest event waiting in a queue this process consumes (0 when the queue is empty).',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
  async collect() {
    const state = await sharedQueueState();
    this.reset();
    for (const [queue, { age }] of state ?? []) this.set({ queue }, age);
  },
});

/** The queues this subgraph consumes, read on scrape through `query` (the event bus's connections: not counted as request SQL). */
export function watchEventQueues(queues: string[], query: QueueQuery, logger: Logger): void {
  watched = { queues: [...new Set(queues)], query, logger };
}
