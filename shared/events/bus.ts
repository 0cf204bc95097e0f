import PgBoss from 'pg-boss';
import type { Logger } from '../logging/logger';
import { deadLetterQueue, EVENT_ROUTES } from './catalogue';

/**
 * The event bus: pg-boss on the system's own PostgreSQL (or the embedded one),
 * so an event is a row written in the producer's transaction and needs no
 * other server. Every process creates every queue, so an event sent before its
 * consumer first started waits for it instead of being dropped.
 */
export const EVENT_RETRY = { retryLimit: 6, retryDelay: 1, retryBackoff: true } as const;

/** How long a consumer may hold an event before it is handed out again (a killed consumer never acknowledges). */
const EXPIRE_SECONDS = Number(process.env.EVENT_EXPIRE_SECONDS ?? 60);

let current: PgBoss | null = null;

export async function startEventBus(databaseUrl: string, logger: Logger): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, application_name: 'gusu-events' });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'event bus error'));
  await boss.start();
  for (const queue of [...new Set(Object.values(EVENT_ROUTES).flat())]) {
    await boss.createQueue(deadLetterQueue(queue));
    await boss.createQueue(queue, { name: queue, ...EVENT_RETRY, expireInSeconds: EXPIRE_SECONDS, deadLetter: deadLetterQueue(queue) });
  }
  current = boss;
  return boss;
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
