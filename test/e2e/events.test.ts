import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { boundQuery } from '../../shared/db/bound-query';
import { MikroORM, openDatabase } from '../../shared/db/orm';
import { eventBus, startEventBus, stopEventBus } from '../../shared/events/bus';
import { batchConsumer, startConsumers } from '../../shared/events/consume';
import { publishEvent } from '../../shared/events/publish';
import { createLogger } from '../../shared/logging/logger';
import { subjectsSubgraph } from '../../subgraphs/subjects/server';
import { ownDatabase } from '../support/own-database';

/**
 * At-least-once delivery, exactly-once effect: a real consumer process
 * (dist/scripts/consume-events.js) is killed after it applied an event and
 * before it acknowledged it; the event is handed out again and the next
 * consumer finds it applied. Runs on a database of its own, so no other
 * consumer competes for the event.
 */
const QUEUE = 'subjects.penalty-repaired';
const ROOT = resolve(__dirname, '../..');
const logger = createLogger('events-test');
let url = '';
let drop: () => Promise<void> = async () => undefined;
let orm: MikroORM;

async function jobStates(eventId: string, queue = QUEUE): Promise<string[]> {
  const rows = await boundQuery<{ state: string }>(
    orm.em.fork(),
    `select state from pgboss.job where name = ? and data->>'id' = ?`,
    [queue, eventId],
  );
  return rows.map((r) => r.state);
}

interface ConsumerProcess {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): void;
}

function watch(args: string[]): ConsumerProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    exited: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal }))),
    stop: () => child.kill('SIGTERM'),
  };
}

/** The subjects subgraph's consumer process as shipped (dist/scripts/consume-events.js). */
function consumer(): ConsumerProcess {
  return watch([join(ROOT, 'dist/scripts/consume-events.js'), 'subjects']);
}

/**
 * A consumer process this test starts with the fault hook injected: the same startConsumers over the
 * built modules, killed by the hook after an event's effect committed and before it is acknowledged.
 */
function crashingConsumer(): ConsumerProcess {
  const dist = (path: string): string => JSON.stringify(join(ROOT, 'dist', path));
  const program = `
    require('reflect-metadata');
    const { openDatabase } = require(${dist('shared/db/orm.js')});
    const { startEventBus } = require(${dist('shared/events/bus.js')});
    const { startConsumers } = require(${dist('shared/events/consume.js')});
    const { createLogger } = require(${dist('shared/logging/logger.js')});
    const { subjectsSubgraph } = require(${dist('subgraphs/subjects/server.js')});
    (async () => {
      const logger = createLogger('crashing-consumer');
      const orm = await openDatabase(subjectsSubgraph.database, process.env.DATABASE_URL, logger);
      const boss = await startEventBus(process.env.DATABASE_URL, logger);
      await startConsumers(boss, orm, subjectsSubgraph.database.schema, subjectsSubgraph.consumers, logger, {
        afterApply: () => process.kill(process.pid, 'SIGKILL'),
      });
    })().catch((error) => { console.error(error); process.exit(1); });`;
  return watch(['-e', program]);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function insertPenalty(): Promise<string> {
  const id = randomUUID();
  await boundQuery(
    orm.em.fork(),
    `insert into subjects.administrative_penalty (id, subject_id, decision_no, decided_at, authority_code, data_source_code, violation_type, facts,
       legal_basis, categories, content, severity, regime, publicity_ends_at, repairable_from, reported_at)
     values (?, ?, ?, '2025-01-10', 'gusu.scjgj', 'gusu.scjgj', 'x', 'x', 'x', '{罚款}', 'x', 'GENERAL', 'NDRC_58', '2028-01-10', '2025-04-10', now())`,
    [id, randomUUID(), `姑罚〔2025〕${id.slice(0, 6)}号`],
  );
  return id;
}

async function repairedAt(penaltyId: string): Promise<string | null> {
  const [row] = await boundQuery<{ repaired_at: string | null }>(
    orm.em.fork(),
    'select repaired_at from subjects.administrative_penalty where id = ?',
    [penaltyId],
  );
  return row.repaired_at === null ? null : new Date(row.repaired_at).toISOString();
}

async function publishRepair(penaltyId: string): Promise<string> {
  return orm.em.fork().transactional((em) =>
    publishEvent(em, 'penalty.repaired', {
      penaltyId,
      repairCaseId: randomUUID(),
      decidedAt: '2026-11-20T02:00:00.000Z',
    }),
  );
}

beforeAll(async () => {
  ({ url, drop } = await ownDatabase('gusu_events'));
  orm = await openDatabase(subjectsSubgraph.database, url, logger);
  // This database's queues: a held event is handed out again after 2 s; one retry before the dead letters.
  await startEventBus(url, logger, { expireInSeconds: 2, retryLimit: 1, maintenanceSeconds: 1 });
});

afterAll(async () => {
  await stopEventBus();
  await orm.close();
  await drop();
});

describe('events', () => {
  it('applies an event once when its consumer dies between applying and acknowledging it', async () => {
    const penaltyId = await insertPenalty();
    const eventId = await publishRepair(penaltyId);

    const crashing = crashingConsumer();
    expect(await crashing.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const first = await repairedAt(penaltyId);
    expect(first).toBe('2026-11-20T02:00:00.000Z');
    expect(await jobStates(eventId)).toEqual(['active']);

    const healthy = consumer();
    try {
      await until(async () => (await jobStates(eventId)).includes('completed'), 30_000);
    } finally {
      healthy.stop();
      await healthy.exited;
    }
    const applied = await boundQuery<{ n: string }>(
      orm.em.fork(),
      'select count(*) as n from subjects.applied_event where id = ?',
      [eventId],
    );
    expect(Number(applied[0].n)).toBe(1);
    expect(await repairedAt(penaltyId)).toBe(first);
  });

  it('retries a failing event with back-off, then keeps it as a dead letter', async () => {
    const eventId = await publishRepair(randomUUID()); // no such penalty: the consumer throws
    const worker = consumer();
    try {
      await until(async () => (await jobStates(eventId, `${QUEUE}.dead`)).length === 1, 30_000);
    } finally {
      worker.stop();
      await worker.exited;
    }
    expect(await jobStates(eventId)).toEqual(['failed']);
    const applied = await boundQuery<{ n: string }>(
      orm.em.fork(),
      'select count(*) as n from subjects.applied_event where id = ?',
      [eventId],
    );
    expect(Number(applied[0].n)).toBe(0);
  });

  it('applies a fetch whose batch throws event by event: only the bad event is retried and becomes a dead letter', async () => {
    const good = randomUUID();
    const [goodEvent, badEvent] = [await publishRepair(good), await publishRepair(randomUUID())];
    const seen: string[] = [];
    // A batch consumer of the same queue, in this process: it refuses any fetch holding an unknown penalty.
    const batch = batchConsumer(
      QUEUE,
      'penalty.repaired',
      async (_em, events) => {
        for (const event of events)
          if (event.payload.penaltyId !== good) throw new Error(`unknown penalty ${event.payload.penaltyId}`);
        seen.push(...events.map((e) => e.id));
      },
      { batchSize: 10, pollingIntervalSeconds: 0.5 },
    );
    await startConsumers(eventBus(), orm, subjectsSubgraph.database.schema, [batch], logger);
    try {
      await until(async () => (await jobStates(badEvent, `${QUEUE}.dead`)).length === 1, 30_000);
    } finally {
      await eventBus().offWork(QUEUE);
    }
    expect(seen).toEqual([goodEvent]);
    expect(await jobStates(goodEvent)).toEqual(['completed']);
    expect(await jobStates(badEvent)).toEqual(['failed']);
  });
});
