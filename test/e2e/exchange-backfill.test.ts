import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { backfillChunk, runExchangeBackfill } from '../../shared/db/exchange-backfill';
import type { BackfillKind } from '../../shared/db/exchange-backfill';
import { ormOptions } from '../../shared/db/orm';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { countSqlStatements } from '../../shared/db/sql-counter';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import { ShutdownSignal } from '../../shared/http/graceful-stop';
import { createLogger } from '../../shared/logging/logger';
import { sqlStatements as statementCounter } from '../../shared/metrics/sql-statements';
import { database as sanctionsDatabase } from '../../subgraphs/sanctions/server';
import { announceEntryRecords } from '../../subgraphs/sanctions/services/announce';
import { backfillExchangeEntries } from '../../subgraphs/sanctions/services/exchange-backfill';
import { database as subjectsDatabase } from '../../subgraphs/subjects/server';
import { backfillExchangeRecords } from '../../subgraphs/subjects/services/exchange-backfill';
import { announceRecords } from '../../subgraphs/subjects/services/exchange-records';
import { systemDatabaseUrl } from '../support/gateway';
import { until } from '../support/until';

/**
 * The start-up backfill (issue 17): the records written before the exchange producers — here the demo
 * seed's, written without events — reach the exchange's queue once, in chunks, from the subgraphs'
 * afterStart; a restart sends nothing again, a run stopped mid-way resumes at its cursor, and a second
 * process holding the lock leaves the work to the first.
 */
const KINDS = [
  { schema: 'subjects', name: 'PENALTY', table: 'administrative_penalty' },
  { schema: 'subjects', name: 'LICENSE', table: 'administrative_license' },
  { schema: 'sanctions', name: 'LIST_ENTRY', table: 'list_entry' },
] as const;

let sql: Client;

beforeAll(async () => {
  sql = new Client({ connectionString: systemDatabaseUrl() });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
});

interface Progress {
  schema: string;
  name: string;
  sent: number;
  done: boolean;
}

async function progress(): Promise<Progress[]> {
  const { rows } = await sql.query<Progress>(
    `select 'subjects' as schema, name, sent, done from subjects.exchange_backfill
     union all select 'sanctions', name, sent, done from sanctions.exchange_backfill order by 1, 2`,
  );
  return rows;
}

/** Records of one kind in the exchange's queue: snapshots, and distinct keys. */
async function queued(kind: string): Promise<{ snapshots: number; keys: number }> {
  const { rows } = await sql.query<{ snapshots: number; keys: number }>(
    `select count(*)::int as snapshots, count(distinct r->>'key')::int as keys
       from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
      where j.name = 'exchange.records-changed' and r->>'kind' = $1`,
    [kind],
  );
  return rows[0];
}

/** Rows of a table that no records.changed in the queue names. */
async function unsent(schema: string, table: string, kind: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `with sent as (
       select distinct r->>'key' as key
         from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
        where j.name = 'exchange.records-changed' and r->>'kind' = $1)
     select count(*)::int as n from ${schema}.${table} t where t.id::text not in (select key from sent)`,
    [kind],
  );
  return rows[0].n;
}

async function jobCount(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    "select count(*)::int as n from pgboss.job where name = 'exchange.records-changed'",
  );
  return rows[0].n;
}

/** Runs `work` in this process on a subgraph's database, with the event bus it publishes on. */
async function inProcess<T>(database: SubgraphDatabase, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  await startEventBus(systemDatabaseUrl(), createLogger('test-exchange-backfill'));
  const orm = await MikroORM.init(ormOptions(database, systemDatabaseUrl()));
  try {
    return await work(orm);
  } finally {
    await orm.close();
    await stopEventBus();
  }
}

const logger = createLogger('test-exchange-backfill');

describe('the exchange backfill at start-up', () => {
  it('sends every penalty, licence and list entry the demo seed wrote, and marks each kind done', async () => {
    const done = await until(
      'backfill done',
      progress,
      (rows) => rows.length === 3 && rows.every((r) => r.done),
      60_000,
    );
    for (const { schema, name, table } of KINDS) {
      const { rows } = await sql.query<{ n: number }>(`select count(*)::int as n from ${schema}.${table}`);
      const marker = done.find((r) => r.name === name);
      expect(rows[0].n).toBeGreaterThan(0);
      expect(marker?.sent).toBeLessThanOrEqual(rows[0].n);
      expect(await unsent(schema, table, name)).toBe(0);
      const inQueue = await queued(name);
      process.stdout.write(
        `backfill ${name}: ${rows[0].n} rows, ${marker?.sent} sent at start, ${inQueue.keys} keys / ${inQueue.snapshots} snapshots queued\n`,
      );
    }
  });

  it('sends nothing again on a restart', async () => {
    const before = await jobCount();
    await inProcess(subjectsDatabase, (orm) => backfillExchangeRecords(orm.em.fork(), logger, new ShutdownSignal()));
    await inProcess(sanctionsDatabase, (orm) => backfillExchangeEntries(orm.em.fork(), logger, new ShutdownSignal()));
    expect(await jobCount()).toBe(before);
  });

  it('resumes a run stopped mid-way at its cursor, with versions above those already sent', async () => {
    const { rows: licences } = await sql.query<{ id: string }>(
      'select id::text as id from subjects.administrative_license order by id',
    );
    expect(licences.length).toBeGreaterThan(10);
    const cursor = licences[9].id;
    const { rows: top } = await sql.query<{ v: string }>(
      `select max((r->>'version')::bigint)::text as v
         from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
        where j.name = 'exchange.records-changed' and r->>'kind' = 'LICENSE'`,
    );
    await sql.query(
      "update subjects.exchange_backfill set after_id = $1, sent = 10, done = false where name = 'LICENSE'",
      [cursor],
    );
    const before = await queued('LICENSE');
    await inProcess(subjectsDatabase, (orm) => backfillExchangeRecords(orm.em.fork(), logger, new ShutdownSignal()));
    const after = await queued('LICENSE');
    expect(after.snapshots - before.snapshots).toBe(licences.length - 10);
    const { rows: resent } = await sql.query<{ key: string; version: string }>(
      `select r->>'key' as key, r->>'version' as version
         from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
        where j.name = 'exchange.records-changed' and r->>'kind' = 'LICENSE' and (r->>'version')::bigint > $1`,
      [top[0].v],
    );
    expect(resent.map((r) => r.key).sort()).toEqual(licences.slice(10).map((l) => l.id));
    const [marker] = (await progress()).filter((r) => r.name === 'LICENSE');
    expect(marker).toMatchObject({ sent: licences.length, done: true });
  });

  it('leaves the work to a process holding the lock, and stops at shutdown', async () => {
    await sql.query(
      "update sanctions.exchange_backfill set after_id = null, sent = 0, done = false where name = 'LIST_ENTRY'",
    );
    const holder = new Client({ connectionString: systemDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query("select pg_advisory_xact_lock(hashtext('sanctions.exchange_backfill'))");
      const before = await jobCount();
      await inProcess(sanctionsDatabase, async (orm) => {
        const kind: BackfillKind = { name: 'LIST_ENTRY', table: 'list_entry', announce: announceEntryRecords };
        expect(await backfillChunk(orm.em.fork(), 'sanctions', kind)).toBeNull();
        await holder.query('rollback');
        const stopped = new ShutdownSignal();
        stopped.begin();
        await runExchangeBackfill(orm.em.fork(), logger, 'sanctions', [kind], stopped);
      });
      expect(await jobCount()).toBe(before);
      // The next start does it.
      await inProcess(sanctionsDatabase, (orm) => backfillExchangeEntries(orm.em.fork(), logger, new ShutdownSignal()));
      expect(await jobCount()).toBeGreaterThan(before);
      expect((await progress()).find((r) => r.name === 'LIST_ENTRY')?.done).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it('costs the same statements for a chunk of 1, 50 or 1,000 records (licences; 1 or 50 penalties, list entries), and times the demo data', async () => {
    countSqlStatements();
    const counted = async (): Promise<number> => (await statementCounter.get()).values[0]?.value ?? 0;
    const chunkCost = async (
      database: SubgraphDatabase,
      schema: string,
      kind: BackfillKind,
      sizes: number[],
    ): Promise<number[]> =>
      inProcess(database, async (orm) => {
        const reset = () =>
          sql.query(`update ${schema}.exchange_backfill set after_id = null, sent = 0, done = false where name = $1`, [
            kind.name,
          ]);
        await reset();
        const started = Date.now();
        await runExchangeBackfill(orm.em.fork(), logger, schema, [kind], new ShutdownSignal());
        const { rows } = await sql.query<{ sent: number }>(
          `select sent from ${schema}.exchange_backfill where name = $1`,
          [kind.name],
        );
        process.stdout.write(`backfill ${kind.name}: ${rows[0].sent} records in ${Date.now() - started} ms\n`);
        await reset();
        const costs: number[] = [];
        for (const size of sizes) {
          const before = await counted();
          const chunk = await backfillChunk(orm.em.fork(), schema, kind, size);
          costs.push((await counted()) - before);
          expect(chunk?.sent).toBe(size);
        }
        // The rest, so the kind is done as before.
        await runExchangeBackfill(orm.em.fork(), logger, schema, [kind], new ShutdownSignal());
        return costs;
      });
    const licences = await chunkCost(
      subjectsDatabase,
      'subjects',
      { name: 'LICENSE', table: 'administrative_license', announce: (tx, ids) => announceRecords(tx, 'LICENSE', ids) },
      [1, 50, 1000],
    );
    const penalties = await chunkCost(
      subjectsDatabase,
      'subjects',
      { name: 'PENALTY', table: 'administrative_penalty', announce: (tx, ids) => announceRecords(tx, 'PENALTY', ids) },
      [1, 50],
    );
    const entries = await chunkCost(
      sanctionsDatabase,
      'sanctions',
      { name: 'LIST_ENTRY', table: 'list_entry', announce: announceEntryRecords },
      [1, 50],
    );
    process.stdout.write(
      `backfill chunk statements: LICENSE ${licences.join(', ')}; PENALTY ${penalties.join(', ')}; LIST_ENTRY ${entries.join(', ')}\n`,
    );
    expect(new Set(licences).size).toBe(1);
    expect(penalties).toEqual(licences.slice(0, 2));
    expect(new Set(entries).size).toBe(1);
    expect((await progress()).every((r) => r.done)).toBe(true);
  });
});
