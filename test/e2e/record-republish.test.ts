import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import { createLogger } from '../../shared/logging/logger';
import { database } from '../../subgraphs/subjects/server';
import { republishQueuedRecords } from '../../subgraphs/subjects/services/republish-records';
import { systemDatabaseUrl } from '../support/gateway';
import { until } from '../support/until';

/**
 * Licences and actions stored before they could be objected to: the migration queues them
 * (subjects.record_republish), subjects sends their facts again after start, and repairs learns whose
 * they are and who reported them (repairs.objectable_record_fact), so an objection can be routed.
 * Run in-process against the system's database: the running repairs subgraph applies what is sent.
 */
let sql: Client;
let orm: MikroORM;

beforeAll(async () => {
  const url = systemDatabaseUrl();
  sql = new Client({ connectionString: url });
  await sql.connect();
  await startEventBus(url, createLogger('test-record-republish'));
  orm = await MikroORM.init(ormOptions(database, url));
});

afterAll(async () => {
  await orm?.close();
  await stopEventBus();
  await sql?.end();
});

interface Fact {
  id: string;
  kind: string;
  subject_id: string;
  owner_code: string | null;
  withdrawn: boolean;
}

describe('sending existing licences again to repairs', () => {
  it('gives repairs the facts of queued licences, a 无效 one as withdrawn, and empties the queue', async () => {
    const { rows } = await sql.query<{ id: string; subject_id: string; data_source_code: string; status: string }>(
      `select id, subject_id, data_source_code, status from subjects.administrative_license order by id limit 3`,
    );
    expect(rows).toHaveLength(3);
    const ids = rows.map((r) => r.id);
    await sql.query(`update subjects.administrative_license set status = 'INVALID' where id = $1`, [ids[0]]);
    // As facts repairs never had (licences stored before this version).
    await sql.query(`delete from repairs.objectable_record_fact where id = any($1::uuid[])`, [ids]);
    await sql.query(
      `insert into subjects.record_republish (kind, record_id) select 'LICENSE', unnest($1::uuid[]) on conflict do nothing`,
      [ids],
    );

    await republishQueuedRecords(orm.em.fork(), createLogger('test-record-republish'));
    const queued = await sql.query<{ n: number }>(
      `select count(*)::int as n from subjects.record_republish where record_id = any($1::uuid[])`,
      [ids],
    );
    expect(queued.rows[0].n).toBe(0);

    const facts = await until(
      'repairs to know the licences again',
      async () =>
        (
          await sql.query<Fact>(
            `select id, kind, subject_id, owner_code, withdrawn from repairs.objectable_record_fact where id = any($1::uuid[]) order by id`,
            [ids],
          )
        ).rows,
      (f) => f.length === 3,
    );
    expect(facts).toEqual(
      [...rows]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => ({
          id: r.id,
          kind: 'LICENSE',
          subject_id: r.subject_id,
          owner_code: r.data_source_code,
          withdrawn: r.id === ids[0],
        })),
    );
    // The licence made valid again, and repairs told so, for the suites that follow.
    await sql.query(`update subjects.administrative_license set status = $2 where id = $1`, [ids[0], rows[0].status]);
    await sql.query(`insert into subjects.record_republish (kind, record_id) values ('LICENSE', $1)`, [ids[0]]);
    await republishQueuedRecords(orm.em.fork(), createLogger('test-record-republish'));
  });
});
