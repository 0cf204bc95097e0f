import { MikroORM } from '@mikro-orm/postgresql';
import { runSql } from '../../scripts/fresh-database';
import { ormOptions, SubgraphDatabase } from '../../shared/db/orm';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import { createLogger } from '../../shared/logging/logger';
import { database as repairsDatabase } from '../../subgraphs/repairs/server';
import { announcePendingKinds } from '../../subgraphs/sanctions/events/announce-kinds';
import { database as sanctionsDatabase } from '../../subgraphs/sanctions/server';
import { ownDatabase } from '../support/own-database';

const logger = createLogger('list-kinds-test');

/**
 * Issue 13's migrations on data recorded before them: every list entry keeps its row
 * and gets a kind and a designating authority (from its list, department and basis);
 * measures get their kinds; repairs' facts get what is known without doubt.
 */
let url = '';
let drop: () => Promise<void> = async () => undefined;

async function migrateTo(database: SubgraphDatabase, to?: string): Promise<void> {
  // Quiet: the migrator would log every step.
  const orm = await MikroORM.init({ ...ormOptions(database, url), logger: () => undefined });
  try {
    await orm.em.getConnection().execute(`create schema if not exists "${database.schema}"`);
    await orm.getMigrator().up(to ? { to } : undefined);
  } finally {
    await orm.close();
  }
}

beforeAll(async () => {
  ({ url, drop } = await ownDatabase('gusu_kinds'));
});

afterAll(async () => drop());

const entry = (id: string, list: string, org: string, reason: string, basis: string) =>
  runSql(
    url,
    `insert into sanctions.list_entry (id, subject_id, subject_uscc, subject_name, list, status, reason, basis, decision_no, decided_by_code, decided_at, reported_at)
     values ($1, gen_random_uuid(), '91320508MA1XXXXX0X', '测试公司', $2, 'PUBLISHED', $3, $4, $5, $6, '2026-01-05', now())`,
    [id, list, reason, basis, `测试〔2026〕${id.slice(-2)}号`, org],
  );

describe('list kinds on existing data', () => {
  it('backfills every sanctions entry and measure, keeping the rows', async () => {
    await migrateTo(sanctionsDatabase, 'Migration20261129083941');
    const ids = {
      court: '00000000-0000-4000-8000-000000000001',
      tax: '00000000-0000-4000-8000-000000000002',
      wages: '00000000-0000-4000-8000-000000000003',
      generic: '00000000-0000-4000-8000-000000000004',
      taxA: '00000000-0000-4000-8000-000000000005',
      abnormal: '00000000-0000-4000-8000-000000000006',
      breach: '00000000-0000-4000-8000-000000000007',
      trust: '00000000-0000-4000-8000-000000000008',
    };
    await entry(
      ids.court,
      'BLACK',
      'gusu.xyb',
      '拒不履行法院生效判决',
      '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
    );
    await entry(ids.tax, 'BLACK', 'gusu.swj', '重大税收违法失信主体', '《重大税收违法失信主体信息公布管理办法》第六条');
    await entry(
      ids.wages,
      'BLACK',
      'gusu.rsj',
      '拖欠农民工工资失信联合惩戒对象',
      '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条',
    );
    await entry(ids.generic, 'BLACK', 'gusu.zjw', '其他严重失信', '《某办法》');
    await entry(ids.taxA, 'RED', 'gusu.swj', 'A级纳税人', '《纳税信用管理办法》第二十四条');
    await entry(ids.abnormal, 'WATCH', 'gusu.scjgj', '列入经营异常名录', '《企业经营异常名录管理暂行办法》第四条');
    await entry(ids.breach, 'WATCH', 'gusu.scjgj', '违背信用承诺: 食品经营', '信用承诺书');
    await entry(ids.trust, 'RED', 'gusu.scjgj', '守合同重信用企业', '《江苏省守合同重信用企业公示管理办法》');
    await runSql(
      url,
      `insert into sanctions.measure (code, kind, title, legal_basis, lists, scenarios, issued_by_code) values ('D-OWN', 'PUNISHMENT', '部门措施', '《某法》', '{BLACK}', '{BIDDING}', 'gusu.zjw')`,
    );
    const before = await runSql(url, 'select count(*)::int as n from sanctions.list_entry');

    await migrateTo(sanctionsDatabase);
    const rows = await runSql(
      url,
      'select id, list_kind, designating_authority_kind, designating_authority from sanctions.list_entry order by id',
    );
    expect(rows).toHaveLength(before[0].n as number);
    const of = (id: string) => rows.find((r) => r.id === id);
    expect(of(ids.court)).toMatchObject({ list_kind: 'COURT_DEFAULTER', designating_authority_kind: 'COURT' });
    expect(of(ids.tax)).toMatchObject({ list_kind: 'MAJOR_TAX_VIOLATION', designating_authority_kind: 'TAX' });
    expect(of(ids.wages)).toMatchObject({ list_kind: 'WAGE_ARREARS', designating_authority_kind: 'LOCAL_DEPARTMENT' });
    expect(of(ids.generic)).toMatchObject({
      list_kind: 'LOCAL_SERIOUS_DISHONESTY',
      designating_authority_kind: 'LOCAL_DEPARTMENT',
      designating_authority: 'gusu.zjw',
    });
    expect(of(ids.taxA)).toMatchObject({ list_kind: 'TAX_CREDIT_A', designating_authority_kind: 'TAX' });
    expect(of(ids.abnormal)).toMatchObject({ list_kind: 'ABNORMAL_OPERATION' });
    expect(of(ids.breach)).toMatchObject({ list_kind: 'COMMITMENT_BREACH' });
    expect(of(ids.trust)).toMatchObject({ list_kind: 'LOCAL_TRUSTWORTHY' });

    const measures = await runSql(
      url,
      'select code, legal_basis, basis_kind, list_kinds from sanctions.measure order by code',
    );
    const measure = (code: string) => measures.find((m) => m.code === code);
    expect(measure('W-PERFORMANCE-WATCH')).toBeUndefined();
    expect(measure('I-ACCEPT-INCOMPLETE')).toMatchObject({
      basis_kind: 'CENTRAL_POLICY',
      legal_basis: expect.stringContaining('国发〔2016〕33号'),
    });
    expect(measure('P-COURT-DEFAULTER')).toMatchObject({ list_kinds: ['COURT_DEFAULTER'] });
    expect(measures.every((m) => !String(m.legal_basis).includes('姑苏信用办'))).toBe(true);
    // A department's own measure keeps applying to every kind of its list.
    expect(measure('D-OWN')?.list_kinds).toEqual(
      expect.arrayContaining(['COURT_DEFAULTER', 'LOCAL_SERIOUS_DISHONESTY', 'WAGE_ARREARS']),
    );
    expect(
      (measure('D-OWN')?.list_kinds as string[]).every((k) => !['TAX_CREDIT_A', 'KEY_ATTENTION'].includes(k)),
    ).toBe(true);

    // At start, sanctions tells repairs each backfilled entry's kind once.
    expect(await runSql(url, 'select count(*)::int as n from sanctions.list_entry where not kind_announced')).toEqual([
      { n: 8 },
    ]);
    await startEventBus(url, logger);
    const orm = await MikroORM.init({ ...ormOptions(sanctionsDatabase, url), logger: () => undefined });
    try {
      await announcePendingKinds(orm.em.fork(), logger);
      await announcePendingKinds(orm.em.fork(), logger);
    } finally {
      await orm.close();
      await stopEventBus();
    }
    expect(await runSql(url, 'select count(*)::int as n from sanctions.list_entry where not kind_announced')).toEqual([
      { n: 0 },
    ]);
    const events = await runSql(
      url,
      `select data->'payload' as payload from pgboss.job where name = 'repairs.list-entry-changed'`,
    );
    expect(events).toHaveLength(8);
    const court = events.map((e) => e.payload as Record<string, unknown>).find((p) => p.entryId === ids.court);
    expect(court).toMatchObject({
      listKind: 'COURT_DEFAULTER',
      designatingAuthorityKind: 'COURT',
      repairableHere: false,
      turnTo: expect.stringContaining('人民法院'),
    });
  });

  it("gives repairs' facts the kind where it is certain and leaves the rest unknown (refused until announced)", async () => {
    await migrateTo(repairsDatabase, 'Migration20261129085416');
    const fact = (id: string, list: string, org: string) =>
      runSql(
        url,
        `insert into repairs.list_entry_fact (id, subject_id, list, status, decided_by_code, valid_until, changed_at) values ($1, gen_random_uuid(), $2, 'PUBLISHED', $3, null, now())`,
        [id, list, org],
      );
    await fact('00000000-0000-4000-8000-0000000000a1', 'BLACK', 'gusu.swj');
    await fact('00000000-0000-4000-8000-0000000000a2', 'BLACK', 'gusu.xyb');
    await fact('00000000-0000-4000-8000-0000000000a3', 'WATCH', 'gusu.scjgj');
    await migrateTo(repairsDatabase);
    const rows = await runSql(
      url,
      'select id, list_kind, repairable_here, turn_to from repairs.list_entry_fact order by id',
    );
    expect(rows.map((r) => [r.list_kind, r.repairable_here])).toEqual([
      ['MAJOR_TAX_VIOLATION', false],
      [null, null],
      ['KEY_ATTENTION', true],
    ]);
    expect(rows[0].turn_to).toContain('税务机关');
  });
});
