import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createFreshDatabase } from '../../scripts/fresh-database';
import { ormOptions } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import { addMonths, regimeOn } from '../../shared/domain/rule-regimes';
import { PenaltyDomain, Severity } from '../../shared/domain/vocabulary';
import { defaultDomainOf } from '../../subgraphs/subjects/rules/department-domain';
import { judgePublicity, PublicityJudgement } from '../../subgraphs/subjects/rules/publicity';
import { DEFAULT_PUBLICITY_RULES } from '../../subgraphs/subjects/rules/publicity-defaults';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../../subgraphs/subjects/rules/publicity-repair-defaults';
import { database } from '../../subgraphs/subjects/server';
import { systemDatabaseUrl } from '../support/gateway';

/**
 * Migration20261202011302 judges every stored penalty again in SQL: on a copy
 * of the schema as it was before (the demo penalties and the boundary dates,
 * stored with the old rules), the migration must give each penalty what
 * rules/publicity.ts gives it, give departments their 主管领域, and queue every
 * penalty to be sent again to repairs.
 */
const MIGRATION = 'Migration20261202011302';
let url: string;
let drop: () => Promise<void> = async () => undefined;

// A database of its own on the system's server.
beforeAll(async () => {
  ({ url, drop } = await createFreshDatabase(systemDatabaseUrl(), 'publicity_migration'));
});

afterAll(async () => drop());

describe(`${MIGRATION}: stored penalties judged again under the one rule table`, () => {
  it('gives every stored penalty what the rule code gives it, and queues it for repairs', async () => {
    const index = database.migrations.findIndex((m) => m.name === MIGRATION);
    expect(index).toBeGreaterThan(0);
    let orm = await MikroORM.init(ormOptions({ ...database, migrations: database.migrations.slice(0, index) }, url));
    await orm.em.getConnection().execute('create extension if not exists pg_trgm with schema public');
    await orm.em.getConnection().execute(`create schema if not exists "${database.schema}"`);
    await orm.getMigrator().up();
    const data = demoDataset();
    const knex = orm.em.getKnex();
    await knex('subjects.department').insert(
      data.departments.map((d) => ({ code: d.code, name: d.name, uscc: d.uscc })),
    );
    const boundaries = [
      '2019-03-01',
      '2019-06-30',
      '2019-07-01',
      '2023-04-30',
      '2023-05-01',
      '2026-03-01',
      '2026-03-31',
      '2026-04-01',
    ];
    const synthetic = boundaries.flatMap((decidedAt, i) =>
      Object.values(Severity).flatMap((severity, j) =>
        ['gusu.xfjy', 'gusu.ajj', 'gusu.scjgj'].map((authorityCode, k) => ({
          id: randomUUID(),
          decidedAt,
          severity,
          authorityCode,
          decisionNo: `M${i}-${j}-${k}`,
        })),
      ),
    );
    const penalties = [
      ...data.penalties.map(({ id, decidedAt, severity, authorityCode, decisionNo }) => ({
        id,
        decidedAt,
        severity,
        authorityCode,
        decisionNo,
      })),
      ...synthetic,
    ];
    const subjectId = randomUUID();
    // As the old code stored them: regime from 2019-01-01, no domains, minor penalties published.
    const rows = penalties.map((p) => {
      const regime = regimeOn(DEFAULT_PUBLICITY_RULES, p.decidedAt) ?? 'CREDIT_CHINA_2019';
      const rule = DEFAULT_PUBLICITY_RULES.find((r) => r.regime === regime && r.severity === p.severity)!;
      return {
        id: p.id,
        subject_id: subjectId,
        decision_no: p.decisionNo,
        decided_at: p.decidedAt,
        authority_code: p.authorityCode,
        data_source_code: p.authorityCode,
        violation_type: '测试',
        facts: '测试',
        legal_basis: '测试',
        categories: ['警告'],
        content: '警告',
        severity: p.severity,
        regime,
        publicity_ends_at: addMonths(p.decidedAt, rule.maxMonths),
        repairable_from: addMonths(p.decidedAt, rule.minMonths ?? 0),
        reported_at: new Date(),
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await knex('subjects.administrative_penalty').insert(rows.slice(i, i + 500));
    await orm.close();

    orm = await MikroORM.init(ormOptions(database, url));
    try {
      expect((await orm.getMigrator().up()).map((m) => m.name)).toContain(MIGRATION);
      const after = orm.em.getKnex();
      const stored = (await after('subjects.administrative_penalty').select(
        after.raw(
          `id, domain, regime, published, repairable, to_char(repairable_from, 'YYYY-MM-DD') as "repairableFrom", to_char(publicity_ends_at, 'YYYY-MM-DD') as "publicityEndsAt"`,
        ),
      )) as ({ id: string; domain: string } & PublicityJudgement)[];
      const byId = new Map(stored.map((row) => [row.id, row]));
      const names = new Map(data.departments.map((d) => [d.code, d.name]));
      for (const p of penalties) {
        const domain = defaultDomainOf(names.get(p.authorityCode) ?? '');
        const { id: _id, domain: storedDomain, ...judged } = byId.get(p.id)!;
        expect({ decisionNo: p.decisionNo, domain: storedDomain, ...judged }).toEqual({
          decisionNo: p.decisionNo,
          domain,
          ...judgePublicity(DEFAULT_PUBLICITY_REPAIR_RULES, {
            decidedAt: p.decidedAt,
            severity: p.severity,
            domain,
            specificSerious: false,
            necessaryPublicityMonths: null,
          }),
        });
      }
      const fireDemo = byId.get(
        synthetic.find(
          (p) => p.decidedAt === '2026-03-01' && p.authorityCode === 'gusu.xfjy' && p.severity === Severity.GENERAL,
        )!.id,
      )!;
      expect(fireDemo).toMatchObject({ domain: PenaltyDomain.FIRE, repairableFrom: '2027-03-01' });
      const departments = await after('subjects.department').select('code', 'domain');
      expect(departments.find((d: { code: string }) => d.code === 'gusu.xfjy')).toEqual({
        code: 'gusu.xfjy',
        domain: PenaltyDomain.FIRE,
      });
      expect(departments.find((d: { code: string }) => d.code === 'gusu.ajj')).toEqual({
        code: 'gusu.ajj',
        domain: PenaltyDomain.WORK_SAFETY,
      });
      const [{ n }] = await after('subjects.penalty_republish').count({ n: '*' });
      expect(Number(n)).toBe(penalties.length);
    } finally {
      await orm.close();
    }
  });
});
