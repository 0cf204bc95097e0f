import pg from 'pg';
import PgBoss from 'pg-boss';
import { ConfigError, durationEnv, optionalEnv } from '../config/env';
import { sessionTimeouts } from '../db/timeouts';
import type { Logger } from '../logging/logger';
import { deadLetterQueue, EVENT_ROUTES } from './catalogue';

/**
 * The event bus: pg-boss on the system's own PostgreSQL (or the embedded one),
 * so an event is a row written in the producer's transaction and needs no
 * other server. Every process creates every queue, so an event sent before its
 * consumer first started waits for it instead of being dropped.
 */
export interface QueuePolicy {
  /** Attempts after the first, with back-off from 1 s (1, 2, 4 … s) before an event becomes a dead letter. */
  retryLimit: number;
  /** How long a consumer may hold an event before it is handed out again (a killed consumer never acknowledges). */
  expireInSeconds: number;
  /** How often this process looks for held events past their expiry (pg-boss maintenance). */
  maintenanceSeconds: number;
}

/**
 * From EVENT_RETRY_LIMIT, EVENT_EXPIRE_SECONDS and EVENT_MAINTENANCE_SECONDS. The defaults
 * hand out again the event of a consumer that died within about 15 s: held 8 s past its pick-up,
 * found by the next 5-second maintenance run, fetched at the next 2-second poll. An event takes a
 * consumer milliseconds, so 8 s is ample; pg-boss 10 has no heartbeat, so the expiry is the bound.
 */
export function queuePolicy(env: NodeJS.ProcessEnv = process.env): QueuePolicy {
  const retryLimit = Number(optionalEnv('EVENT_RETRY_LIMIT', '6', env));
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 100)
    throw new ConfigError(
      `environment variable EVENT_RETRY_LIMIT must be an integer 0–100, got '${env.EVENT_RETRY_LIMIT}'`,
    );
  const expireInSeconds = durationEnv('EVENT_EXPIRE_SECONDS', '8', env);
  const maintenanceSeconds = durationEnv('EVENT_MAINTENANCE_SECONDS', '5', env);
  if (expireInSeconds < 1 || maintenanceSeconds < 1)
    throw new ConfigError('EVENT_EXPIRE_SECONDS and EVENT_MAINTENANCE_SECONDS must be at least 1 s');
  return { retryLimit, expireInSeconds, maintenanceSeconds };
}

/** Dead letters stay a year: the credit office reads them (deadLetters) and has them resent. */
const DEAD_LETTER_RETENTION_DAYS = 365;

/** The application_name of the bus's own connections (the SQL counter leaves them out). */
export const EVENT_BUS_APPLICATION = 'gusu-events';

let current: PgBoss | null = null;

/** Creates a queue unless it exists (a later process leaves the first one's settings alone). */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
}

/**
 * Runs `work` while holding a database-wide lock: the subgraph processes start
 * together, and pg-boss creating the same queues (tables and partitions) at
 * once deadlocks on PostgreSQL.
 */
async function exclusively(databaseUrl: string, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: EVENT_BUS_APPLICATION,
    ...sessionTimeouts(),
  });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('gusu-event-queues'))");
    await work();
  } finally {
    await client.end();
  }
}

export async function startEventBus(
  databaseUrl: string,
  logger: Logger,
  policy: QueuePolicy = queuePolicy(),
): Promise<PgBoss> {
  // pg-boss hands its options to pg.Pool as they are: its connections get the session timeouts too.
  const options: PgBoss.ConstructorOptions & ReturnType<typeof sessionTimeouts> = {
    connectionString: databaseUrl,
    max: 2,
    application_name: EVENT_BUS_APPLICATION,
    maintenanceIntervalSeconds: policy.maintenanceSeconds,
    ...sessionTimeouts(),
  };
  const boss = new PgBoss(options);
  boss.on('error', (error: Error) => logger.error({ err: error }, 'event bus error'));
  await exclusively(databaseUrl, async () => {
    // Inside the lock too: pg-boss's start creates its own cron queue (DDL like ours), which
    // deadlocked with another process creating queues when subgraphs start on their own (docker-compose).
    await boss.start();
    for (const queue of [...new Set(Object.values(EVENT_ROUTES).flat())]) {
      await ensureQueue(boss, { name: deadLetterQueue(queue), retentionDays: DEAD_LETTER_RETENTION_DAYS });
      await ensureQueue(boss, {
        name: queue,
        retryLimit: policy.retryLimit,
        retryDelay: 1,
        retryBackoff: true,
        expireInSeconds: policy.expireInSeconds,
        deadLetter: deadLetterQueue(queue),
      });
    }
  });
  current = boss;
  return boss;
}

/**
 * Installs pg-boss and creates the queues, then disconnects: `startSystem` does
 * this once before it launches the subgraphs, so they find the bus ready
 * instead of all installing it on a new database at the same moment.
 */
export async function installEventBus(databaseUrl: string, logger: Logger): Promise<void> {
  await startEventBus(databaseUrl, logger);
  await stopEventBus();
}

/** The bus this process started; producers send through it. */
export function eventBus(): PgBoss {
  if (current === null) throw new Error('the event bus has not been started in this process');
  return current;
}

export async function stopEventBus(): Promise<void> {
  const boss = current;
  current = null;
  await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
}
