import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import type { RecordSnapshot } from '../../shared/exchange/record-snapshot';
import { completeUscc } from '../../shared/identifiers/uscc';
import { createLogger } from '../../shared/logging/logger';
import { database } from '../../subgraphs/subjects/server';
import { republishQueuedPenalties } from '../../subgraphs/subjects/services/republish-penalties';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements, systemDatabaseUrl } from '../support/gateway';
import { tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * The producers of the exchange feed (issue 17): every change of a penalty or licence (subjects) is
 * written as 'records.changed' in the transaction of the change. No exchange consumer runs on this
 * branch, so the events stay in pg-boss's queue 'exchange.records-changed', read here from the
 * system's database after real mutations through the gateway.
 */
const authority = demoDataset().departments[0]; // the department's own org reports in its own name
let serial = 0;
const newUscc = (): string => {
  serial += 1;
  return completeUscc(
    `91320508MA${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
};

let sql: Client;
let department: Record<string, string>;

beforeAll(async () => {
  sql = new Client({ connectionString: systemDatabaseUrl() });
  await sql.connect();
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
});

afterAll(async () => {
  await sql?.end();
});

/** Every snapshot of one record in the exchange's queue, oldest version first. */
async function snapshotsOf(key: string): Promise<RecordSnapshot[]> {
  const { rows } = await sql.query<{ record: RecordSnapshot }>(
    `select r as record
       from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
      where j.name = 'exchange.records-changed' and r->>'key' = $1
      order by (r->>'version')::bigint`,
    [key],
  );
  return rows.map((row) => row.record);
}

function penalty(decisionNo: string, uscc: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partyName: '苏州交换测试有限公司',
    partyClass: '法人及非法人组织',
    uscc,
    decisionNo,
    violationType: '销售不合格产品',
    facts: '当事人销售不合格产品。',
    legalBasis: '《产品质量法》第四十九条',
    categories: ['罚款', '没收违法所得'],
    content: '罚款人民币五万元，没收违法所得',
    fineAmount: '5',
    confiscatedAmount: '0.8',
    decidedAt: daysAgo(30),
    validUntil: daysAgo(-400),
    severity: '严重',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...overrides,
  };
}

async function reportPenalties(records: Record<string, unknown>[]): Promise<{ accepted: number }> {
  const result = await graphql<{ reportPenalties: { accepted: number } }>(
    'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
    { r: records },
    department,
  );
  return expectData(result).reportPenalties;
}

async function penaltyIds(uscc: string): Promise<Map<string, string>> {
  const result = await graphql<{ subject: { penalties: { nodes: { id: string; decisionNo: string }[] } } }>(
    'query($u: String!) { subject(uscc: $u) { penalties { nodes { id decisionNo } } } }',
    { u: uscc },
    department,
  );
  return new Map(expectData(result).subject.penalties.nodes.map((n) => [n.decisionNo, n.id]));
}

describe('records.changed from subjects', () => {
  it('sends a reported penalty ACTIVE with its fields, a correction with a higher version, a revocation WITHDRAWN/REVOKED', async () => {
    const uscc = newUscc();
    const decisionNo = '姑市监罚〔2026〕EX01号';
    expect(await reportPenalties([penalty(decisionNo, uscc)])).toEqual({ accepted: 1 });
    const id = (await penaltyIds(uscc)).get(decisionNo) as string;
    const [reported] = await snapshotsOf(id);
    expect(reported).toMatchObject({
      kind: 'PENALTY',
      key: id,
      state: 'ACTIVE',
      withdrawalReason: null,
      subject: { uscc, name: '苏州交换测试有限公司', kind: 'ENTERPRISE' },
      fields: {
        decisionNo,
        decidedAt: daysAgo(30),
        categories: '罚款;没收违法所得',
        fineAmount: 5,
        confiscatedAmount: 0.8,
        severity: 'SERIOUS',
        minor: false,
        published: true,
        idNumber: null,
        authorityCode: authority.code,
        authorityName: authority.name,
        authorityUscc: authority.uscc,
        dataSourceCode: authority.code,
        dataSourceName: authority.name,
        revokedAt: null,
        repairedAt: null,
      },
    });
    expect(reported.version).toEqual(expect.any(Number));

    // The same record again changes nothing and sends nothing; a correction sends it again.
    await reportPenalties([penalty(decisionNo, uscc)]);
    expect(await snapshotsOf(id)).toHaveLength(1);
    await reportPenalties([penalty(decisionNo, uscc, { fineAmount: '6' })]);
    const corrected = (await snapshotsOf(id))[1];
    expect(corrected).toMatchObject({ state: 'ACTIVE', fields: { fineAmount: 6 } });
    expect(corrected.version).toBeGreaterThan(reported.version);

    expectData(
      await graphql(
        'mutation($a: String!, $n: String!) { revokePenalty(authorityUscc: $a, decisionNo: $n, reason: "复议撤销") { id } }',
        { a: authority.uscc, n: decisionNo },
        department,
      ),
    );
    const revoked = (await snapshotsOf(id))[2];
    expect(revoked).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'REVOKED',
      fields: { decisionNo, revocationReason: '复议撤销', revokedAt: expect.any(String) },
    });
    expect(revoked.version).toBeGreaterThan(corrected.version);
  });

  it('sends a minor penalty the rule table keeps out of publicity as WITHDRAWN/NOT_PUBLIC', async () => {
    const uscc = newUscc();
    const decisionNo = '姑市监罚〔2026〕EX02号';
    await reportPenalties([penalty(decisionNo, uscc, { severity: '轻微', decidedAt: daysAgo(3) })]);
    const id = (await penaltyIds(uscc)).get(decisionNo) as string;
    expect(await snapshotsOf(id)).toEqual([
      expect.objectContaining({
        state: 'WITHDRAWN',
        withdrawalReason: 'NOT_PUBLIC',
        fields: expect.objectContaining({ minor: true, published: false, severity: 'MINOR' }),
      }),
    ]);
  });

  it('sends a penalty judged again (publicity rule change) WITHDRAWN/NOT_PUBLIC, and ACTIVE when public again', async () => {
    const uscc = newUscc();
    const decisionNo = '姑市监罚〔2026〕EX04号';
    await reportPenalties([penalty(decisionNo, uscc)]);
    const id = (await penaltyIds(uscc)).get(decisionNo) as string;
    // What a migration of the rule table does: judge the penalty again and queue it (services/republish-penalties.ts).
    const logger = createLogger('test-exchange-records');
    await startEventBus(systemDatabaseUrl(), logger);
    const orm = await MikroORM.init(ormOptions(database, systemDatabaseUrl()));
    try {
      const rejudge = async (published: boolean) => {
        await sql.query('update subjects.administrative_penalty set published = $2 where id = $1', [id, published]);
        await sql.query('insert into subjects.penalty_republish (penalty_id) values ($1)', [id]);
        await republishQueuedPenalties(orm.em.fork(), logger);
      };
      await rejudge(false);
      await rejudge(true);
    } finally {
      await orm.close();
      await stopEventBus();
    }
    const [reported, hidden, shown] = await snapshotsOf(id);
    expect(reported.state).toBe('ACTIVE');
    expect(hidden).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: 'NOT_PUBLIC', fields: { published: false } });
    expect(shown).toMatchObject({ state: 'ACTIVE', withdrawalReason: null, fields: { published: true } });
    expect(shown.version).toBeGreaterThan(hidden.version);
    expect(hidden.version).toBeGreaterThan(reported.version);
  });

  it('sends licences reported and revoked', async () => {
    const uscc = newUscc();
    const licenseNo = '姑市监许〔2026〕EX01号';
    const reported = await graphql<{ reportLicenses: { accepted: number } }>(
      'mutation($r: [LicenseReport!]!) { reportLicenses(records: $r) { accepted } }',
      {
        r: [
          {
            partyName: '苏州交换餐饮有限公司',
            partyClass: '法人及非法人组织',
            uscc,
            documentName: '食品经营许可决定书',
            licenseNo,
            category: '核准',
            title: '食品经营许可证',
            certificateNo: 'JY13205080000917',
            content: '准予食品经营许可',
            decidedAt: daysAgo(1),
            validFrom: daysAgo(1),
            validUntil: daysAgo(-1825),
            authorityName: authority.name,
            authorityUscc: authority.uscc,
          },
        ],
      },
      department,
    );
    expect(expectData(reported).reportLicenses.accepted).toBe(1);
    const { rows } = await sql.query<{ id: string }>(
      'select id from subjects.administrative_license where authority_code = $1 and license_no = $2',
      [authority.code, licenseNo],
    );
    const id = rows[0].id;
    expect(await snapshotsOf(id)).toEqual([
      expect.objectContaining({
        kind: 'LICENSE',
        state: 'ACTIVE',
        fields: expect.objectContaining({
          licenseNo,
          category: 'APPROVAL',
          validFrom: daysAgo(1),
          validUntil: daysAgo(-1825),
          status: 'VALID',
        }),
      }),
    ]);
    expectData(
      await graphql(
        'mutation($a: String!, $n: String!) { revokeLicense(authorityUscc: $a, licenseNo: $n, reason: "姑市监撤〔2026〕1号") { id } }',
        { a: authority.uscc, n: licenseNo },
        department,
      ),
    );
    const [first, revoked] = await snapshotsOf(id);
    expect(revoked).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'REVOKED',
      fields: { status: 'INVALID', invalidationReason: '姑市监撤〔2026〕1号' },
    });
    expect(revoked.version).toBeGreaterThan(first.version);
  });

  it('sends a repaired penalty WITHDRAWN/REPAIRED once repairs approves (信用修复 ends sharing)', async () => {
    const uscc = newUscc();
    const decisionNo = '姑市监罚〔2025〕EX03号';
    // Decided in 2025: Order 58's three months are long over, so repair may be applied for.
    await reportPenalties([penalty(decisionNo, uscc, { decidedAt: '2025-06-02' })]);
    const id = (await penaltyIds(uscc)).get(decisionNo) as string;
    const subjectId = expectData(
      await graphql<{ subject: { id: string } }>('query($u: String!) { subject(uscc: $u) { id } }', { u: uscc }, {}),
    ).subject.id;
    const template = expectData(
      await graphql<{ commitmentTemplates: { code: string }[] }>('{ commitmentTemplates(kind: REPAIR) { code } }'),
    ).commitmentTemplates[0];
    const commitment = expectData(
      await graphql<{ signCommitment: { id: string } }>(
        'mutation($i: SignCommitmentInput!) { signCommitment(input: $i) { id } }',
        {
          i: {
            subjectId,
            signatoryName: '苏州交换测试有限公司',
            signatoryUscc: uscc,
            templateCode: template.code,
            reference: `EX-${uscc}`,
          },
        },
        department,
      ),
    ).signCommitment;
    await until(
      'repairs learns of the penalty and the commitment',
      async () =>
        expectData(
          await graphql<{ repairEligibility: { eligible: boolean } }>(
            'query($t: RepairTargetInput!, $c: ID) { repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: "罚没款已缴清") { eligible } }',
            { t: { kind: 'PENALTY', id }, c: commitment.id },
            department,
          ),
        ).repairEligibility.eligible,
      Boolean,
    );
    const applied = expectData(
      await graphql<{ applyForRepair: { id: string } }>(
        'mutation($i: RepairApplicationInput!) { applyForRepair(input: $i) { id } }',
        {
          i: {
            target: { kind: 'PENALTY', id },
            reason: '已停止违法行为并整改到位',
            repairCommitmentId: commitment.id,
            fulfilmentEvidence: '罚没款已缴清',
            evidence: '整改报告',
          },
        },
        department,
      ),
    ).applyForRepair;
    expectData(
      await graphql('mutation($id: ID!) { acceptRepairCase(id: $id) { status } }', { id: applied.id }, department),
    );
    expectData(
      await graphql(
        'mutation($id: ID!) { approveRepairCase(id: $id, note: "准予修复") { status } }',
        { id: applied.id },
        department,
      ),
    );
    const snapshots = await until(
      'the repair reaches subjects',
      () => snapshotsOf(id),
      (s) => s.length === 2,
    );
    expect(snapshots[1]).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'REPAIRED',
      fields: { decisionNo, repairedAt: expect.any(String) },
    });
    expect(snapshots[1].version).toBeGreaterThan(snapshots[0].version);
  });

  it('costs the same statements for 1, 50 and 1,000 penalties in one call', async () => {
    const cost = async (count: number, prefix: string): Promise<number> => {
      const records = Array.from({ length: count }, (_, i) =>
        penalty(`姑市监罚〔2026〕EXC${prefix}${i}号`, newUscc(), { decidedAt: daysAgo(5) }),
      );
      const before = await sqlStatements('subjects');
      expect(await reportPenalties(records)).toEqual({ accepted: count });
      const statements = (await sqlStatements('subjects')) - before;
      const { rows } = await sql.query<{ n: number }>(
        `select count(*)::int as n
           from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'records') r
          where j.name = 'exchange.records-changed' and r->'fields'->>'decisionNo' like $1`,
        [`姑市监罚〔2026〕EXC${prefix}%`],
      );
      expect(rows[0].n).toBe(count);
      return statements;
    };
    const one = await cost(1, 'a');
    const fifty = await cost(50, 'b');
    const thousand = await cost(1000, 'c');
    process.stdout.write(`reportPenalties statements: 1 → ${one}, 50 → ${fifty}, 1,000 → ${thousand}\n`);
    expect(fifty).toBe(one);
    expect(thousand).toBe(one);
  });
});
