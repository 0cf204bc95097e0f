import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import { createLogger } from '../../shared/logging/logger';
import { database } from '../../subgraphs/subjects/server';
import { republishQueuedPenalties } from '../../subgraphs/subjects/services/republish-penalties';
import { systemDatabaseUrl } from '../support/gateway';

/**
 * The migration queues every existing penalty (subjects.penalty_republish);
 * subjects sends their facts again after start, and repairs fills in the
 * publicity facts it keeps no rule table for. Run here in-process against the
 * system's database: the running repairs subgraph applies what is sent.
 */
let sql: Client;
let orm: MikroORM;

beforeAll(async () => {
  const url = systemDatabaseUrl();
  sql = new Client({ connectionString: url });
  await sql.connect();
  const logger = createLogger('test-republish');
  await startEventBus(url, logger);
  orm = await MikroORM.init(ormOptions(database, url));
});

afterAll(async () => {
  await orm?.close();
  await stopEventBus();
  await sql?.end();
});

describe('sending existing penalties again to repairs', () => {
  it('fills in the publicity facts of queued penalties and empties the queue', async () => {
    const { rows } = await sql.query<{
      id: string;
      regime: string;
      published: boolean;
      repairable: boolean;
      repairable_from: string;
      publicity_ends_at: string;
    }>(
      `select id, regime, published, repairable, to_char(repairable_from, 'YYYY-MM-DD') as repairable_from, to_char(publicity_ends_at, 'YYYY-MM-DD') as publicity_ends_at
         from subjects.administrative_penalty where authority_code = 'gusu.xfjy' order by decided_at desc, id limit 3`,
    );
    expect(rows).toHaveLength(3);
    const ids = rows.map((r) => r.id);
    // As a fact from before the publicity facts existed.
    await sql.query(
      `update repairs.penalty_fact set regime = null, published = null, repairable = null, repairable_from = null, publicity_ends_at = null where id = any($1::uuid[])`,
      [ids],
    );
    await sql.query(
      `insert into subjects.penalty_republish (penalty_id) select unnest($1::uuid[]) on conflict do nothing`,
      [ids],
    );

    await republishQueuedPenalties(orm.em.fork(), createLogger('test-republish'));
    expect(
      (
        await sql.query(
          `select count(*)::int as n from subjects.penalty_republish where penalty_id = any($1::uuid[])`,
          [ids],
        )
      ).rows[0].n,
    ).toBe(0);

    const started = Date.now();
    for (;;) {
      const facts = await sql.query<{
        id: string;
        regime: string | null;
        published: boolean;
        repairable: boolean;
        repairable_from: string;
        publicity_ends_at: string;
      }>(
        `select id, regime, published, repairable, to_char(repairable_from, 'YYYY-MM-DD') as repairable_from, to_char(publicity_ends_at, 'YYYY-MM-DD') as publicity_ends_at
           from repairs.penalty_fact where id = any($1::uuid[]) order by id`,
        [ids],
      );
      if (facts.rows.every((f) => f.regime !== null)) {
        const expected = [...rows].sort((a, b) => a.id.localeCompare(b.id));
        expect(facts.rows).toEqual(expected);
        break;
      }
      if (Date.now() - started > 20_000)
        throw new Error(`repairs did not receive the facts: ${JSON.stringify(facts.rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it('leaves a penalty a request is changing in the queue, and sends it once it is free', async () => {
    const { rows } = await sql.query<{ id: string }>(
      `select id from subjects.administrative_penalty where authority_code = 'gusu.xfjy' order by decided_at, id limit 2`,
    );
    const [busy, free] = rows.map((r) => r.id);
    await sql.query(
      `insert into subjects.penalty_republish (penalty_id) select unnest($1::uuid[]) on conflict do nothing`,
      [[busy, free]],
    );
    const queued = async () =>
      (
        await sql.query<{ penalty_id: string }>(
          `select penalty_id from subjects.penalty_republish where penalty_id = any($1::uuid[])`,
          [[busy, free]],
        )
      ).rows.map((r) => r.penalty_id);
    // A revocation in progress holds the row, as revokePenalty does before it writes its event.
    const holder = new Client({ connectionString: systemDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from subjects.administrative_penalty where id = $1 for update', [busy]);
      await republishQueuedPenalties(orm.em.fork(), createLogger('test-republish'));
      expect(await queued()).toEqual([busy]);
      await holder.query('rollback');
    } finally {
      await holder.end();
    }
    await republishQueuedPenalties(orm.em.fork(), createLogger('test-republish'));
    expect(await queued()).toEqual([]);
  });
});
