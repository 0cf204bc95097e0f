import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { entitiesByKeys, rowsByKeys } from '../../shared/db/loaders';
import { ormOptions } from '../../shared/db/orm';
import { AuditEvent } from '../../subgraphs/subjects/entities/audit-event';
import { Subject } from '../../subgraphs/subjects/entities/subject';
import { database } from '../../subgraphs/subjects/server';
import { expectData } from '../support/expect-data';
import { graphql, systemDatabaseUrl } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * shared/db/loaders.ts rowsByKeys answers subjects as plain rows instead of entities (a screening's 10,000
 * references): every property must come back as hydration gives it — names, nulls, dates as text, timestamps
 * as Dates, text arrays — or a field would answer differently by the path that loaded it.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormOptions(database, systemDatabaseUrl()));
});

afterAll(async () => {
  await orm?.close();
});

async function compare<T extends object>(entity: new () => T, key: keyof T & string, keys: string[]): Promise<void> {
  const em = orm.em.fork();
  const entities = await entitiesByKeys(em, entity, key, keys);
  const rows = await rowsByKeys(em.fork(), entity, key, keys);
  expect(rows).toHaveLength(entities.length);
  const props = em
    .getMetadata()
    .get(entity.name)
    .props.map((prop) => prop.name as keyof T & string);
  const byKey = new Map(rows.map((row) => [String(row[key]), row]));
  for (const loaded of entities) {
    const row = byKey.get(String(loaded[key]))!;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    for (const prop of props) expect({ prop, value: row[prop] }).toEqual({ prop, value: loaded[prop] });
  }
}

describe('plain rows (rowsByKeys) equal hydrated entities', () => {
  it('for subjects: organisations and natural persons, with and without the optional columns', async () => {
    const picked = await orm.em.getConnection().execute<{ id: string }[]>(
      `(select id from subjects.subject where uscc is not null and established_on is not null limit 100)
       union all (select id from subjects.subject where id_number is not null limit 50)
       union all (select id from subjects.subject where registered_address is null limit 50)`,
    );
    expect(picked.length).toBeGreaterThan(100);
    await compare(Subject, 'id', [...new Set(picked.map((p) => p.id))]);
  });

  it('for audit events: timestamps as Dates, text arrays as arrays', async () => {
    // A protected read, so that the log holds at least one event.
    expectData(await graphql('{ subjects(first: 3) { nodes { id registeredAddress } } }', {}, await as('hall')));
    const picked = await orm.em
      .getConnection()
      .execute<{ id: string }[]>('select id from subjects.audit_event limit 100');
    expect(picked.length).toBeGreaterThan(0);
    await compare(
      AuditEvent,
      'id',
      picked.map((p) => p.id),
    );
    const [row] = await rowsByKeys(orm.em.fork(), AuditEvent, 'id', [picked[0].id]);
    expect(row.occurredAt).toBeInstanceOf(Date);
  });

  it('answers nothing for unknown keys and keeps one row per key asked twice', async () => {
    const [one] = await orm.em.getConnection().execute<{ id: string }[]>('select id from subjects.subject limit 1');
    const rows = await rowsByKeys(orm.em.fork(), Subject, 'id', [
      one.id,
      one.id,
      '00000000-0000-0000-0000-000000000000',
    ]);
    expect(rows.map((row) => row.id)).toEqual([one.id]);
  });
});
