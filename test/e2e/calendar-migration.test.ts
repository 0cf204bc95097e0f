import { MikroORM } from '@mikro-orm/postgresql';
import { runSql } from '../../scripts/fresh-database';
import { ormOptions } from '../../shared/db/orm';
import { createLogger } from '../../shared/logging/logger';
import { database as sanctions } from '../../subgraphs/sanctions/server';
import { ownDatabase } from '../support/own-database';

/**
 * The migration that drops sanctions' copy of the calendar (issue 13: one calendar) loses
 * nothing silently: a copy that holds a day the shipped notices do not (an administrator's
 * SQL) stops it, and the copy stays as it was. Runs on a database of its own.
 */
jest.setTimeout(120_000);

let url = '';
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ url, drop } = await ownDatabase('gusu_calendar_migration'));
  await runSql(url, 'create schema if not exists sanctions');
});

afterAll(async () => drop());

it('refuses to drop a calendar copy that holds rows the shipped notices do not, then drops a clean one', async () => {
  const orm = await MikroORM.init(ormOptions(sanctions, url, createLogger('calendar-migration-test')));
  try {
    await orm.getMigrator().up({ to: 'Migration20261129083941' });
    await runSql(url, `insert into sanctions.calendar_day (date, kind, name) values ('2027-01-01', 'HOLIDAY', '元旦')`);
    await expect(orm.getMigrator().up()).rejects.toThrow(/hold rows that are not the shipped 2022-2026 notices/);
    expect(
      await runSql(
        url,
        `select to_char(date, 'YYYY-MM-DD') as date from sanctions.calendar_day where date >= '2027-01-01'`,
      ),
    ).toEqual([{ date: '2027-01-01' }]);

    await runSql(url, `delete from sanctions.calendar_day where date = '2027-01-01'`);
    await orm.getMigrator().up();
    expect(
      await runSql(
        url,
        `select count(*)::int as n from information_schema.tables where table_schema = 'sanctions' and table_name like 'calendar_%'`,
      ),
    ).toEqual([{ n: 0 }]);
  } finally {
    await orm.close();
  }
});
