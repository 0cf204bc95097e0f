import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { countSqlStatements } from '../../shared/db/sql-counter';
import { demoDataset } from '../../shared/demo/dataset';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import type { RecordSnapshot, ScreeningChange } from '../../shared/exchange/record-snapshot';
import { completeUscc } from '../../shared/identifiers/uscc';
import { createLogger } from '../../shared/logging/logger';
import { sqlStatements as statementCounter } from '../../shared/metrics/sql-statements';
import { ListEntry } from '../../subgraphs/sanctions/entities/list-entry';
import { database as sanctionsDatabase } from '../../subgraphs/sanctions/server';
import { announceEntries } from '../../subgraphs/sanctions/services/announce';
import { sweepEntryDates } from '../../subgraphs/sanctions/services/entry-date-sweep';
import { database as subjectsDatabase } from '../../subgraphs/subjects/server';
import { sweepPublicityDates } from '../../subgraphs/subjects/services/publicity-date-sweep';
import { republishQueuedPenalties } from '../../subgraphs/subjects/services/republish-penalties';
import { chinaToday, daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * The producers of the exchange feed (issue 17): every change of a penalty or licence (subjects) is
 * written as 'records.changed' in the transaction of the change. No exchange consumer runs on this
 * branch, so the events stay in pg-boss's queue 'exchange.records-changed', read here from the
 * system's database after real mutations through the gateway. Likewise list entries (sanctions, kind
 * LIST_ENTRY) and the screening changes of their subjects ('exchange.screening-changed').
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

/** Runs `work` in this process on a subgraph's database, with the event bus it publishes on. */
async function inProcess<T>(database: SubgraphDatabase, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  await startEventBus(systemDatabaseUrl(), createLogger('test-exchange-records'));
  const orm = await MikroORM.init(ormOptions(database, systemDatabaseUrl()));
  try {
    return await work(orm);
  } finally {
    await orm.close();
    await stopEventBus();
  }
}

/** 信用修复 through a repair case (repair-path.test.ts): a signed repair commitment, applied for, accepted and approved by the department. */
async function repairThroughCase(
  kind: 'PENALTY' | 'LIST_ENTRY',
  id: string,
  subject: { uscc: string; subjectId: string; name: string },
): Promise<void> {
  const template = expectData(
    await graphql<{ commitmentTemplates: { code: string }[] }>('{ commitmentTemplates(kind: REPAIR) { code } }'),
  ).commitmentTemplates[0];
  const commitment = expectData(
    await graphql<{ signCommitment: { id: string } }>(
      'mutation($i: SignCommitmentInput!) { signCommitment(input: $i) { id } }',
      {
        i: {
          subjectId: subject.subjectId,
          signatoryName: subject.name,
          signatoryUscc: subject.uscc,
          templateCode: template.code,
          reference: `EX-${kind}-${id}`,
        },
      },
      department,
    ),
  ).signCommitment;
  await until(
    'repairs learns of the target and the commitment',
    async () =>
      expectData(
        await graphql<{ repairEligibility: { eligible: boolean } }>(
          'query($t: RepairTargetInput!, $c: ID) { repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: "罚没款已缴清") { eligible } }',
          { t: { kind, id }, c: commitment.id },
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
          target: { kind, id },
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
    await inProcess(subjectsDatabase, async (orm) => {
      const rejudge = async (published: boolean) => {
        await sql.query('update subjects.administrative_penalty set published = $2 where id = $1', [id, published]);
        await sql.query('insert into subjects.penalty_republish (penalty_id) values ($1)', [id]);
        await republishQueuedPenalties(orm.em.fork(), createLogger('test-exchange-records'));
      };
      await rejudge(false);
      await rejudge(true);
    });
    const [reported, hidden, shown] = await snapshotsOf(id);
    expect(reported.state).toBe('ACTIVE');
    expect(hidden).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: 'NOT_PUBLIC', fields: { published: false } });
    expect(shown).toMatchObject({ state: 'ACTIVE', withdrawalReason: null, fields: { published: true } });
    expect(shown.version).toBeGreaterThan(hidden.version);
    expect(hidden.version).toBeGreaterThan(reported.version);
  });

  it('sends a penalty whose publicity period ended by the date alone WITHDRAWN/EXPIRED (the hourly date sweep)', async () => {
    const uscc = newUscc();
    const decisionNo = '姑市监罚〔2026〕EX05号';
    await reportPenalties([penalty(decisionNo, uscc)]);
    const id = (await penaltyIds(uscc)).get(decisionNo) as string;
    // As if its period had ended yesterday and the last pass were two days ago.
    await sql.query('update subjects.administrative_penalty set publicity_ends_at = $2 where id = $1', [
      id,
      daysAgo(1),
    ]);
    await sql.query("update subjects.date_sweep set through = $1 where name = 'penalty-publicity-dates'", [daysAgo(2)]);
    const announced = await inProcess(subjectsDatabase, (orm) => sweepPublicityDates(orm.em));
    expect(announced).toBeGreaterThanOrEqual(1);
    expect((await snapshotsOf(id)).at(-1)).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: 'EXPIRED' });
    // The day is swept: a second pass announces nothing.
    expect(await inProcess(subjectsDatabase, (orm) => sweepPublicityDates(orm.em))).toBe(0);
    const { rows } = await sql.query<{ through: string }>(
      "select to_char(through, 'YYYY-MM-DD') as through from subjects.date_sweep where name = 'penalty-publicity-dates'",
    );
    expect(rows[0].through).toBe(chinaToday());
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
    await repairThroughCase('PENALTY', id, { uscc, subjectId, name: '苏州交换测试有限公司' });
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

/** Every screening change of one subject in the exchange's queue, in the order they were written. */
async function screeningChangesOf(subjectId: string): Promise<ScreeningChange[]> {
  const { rows } = await sql.query<{ change: ScreeningChange }>(
    `select c as change
       from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'changes') with ordinality as x(c, n)
      where j.name = 'exchange.screening-changed' and c->>'subjectId' = $1
      order by c->>'changedAt', j.created_on, x.n`,
    [subjectId],
  );
  return rows.map((row) => row.change);
}

/** A subject of its own, first met in a licence report: sanctions indexes it (evaluations grades it too, in its own time). */
async function newListableSubject(): Promise<{ uscc: string; subjectId: string }> {
  const uscc = newUscc();
  const reported = await graphql<{ reportLicenses: { accepted: number } }>(
    'mutation($r: [LicenseReport!]!) { reportLicenses(records: $r) { accepted } }',
    {
      r: [
        {
          partyName: '苏州名单交换测试有限公司',
          partyClass: '法人及非法人组织',
          uscc,
          documentName: '食品经营许可决定书',
          licenseNo: `姑市监许〔2026〕EXL${uscc.slice(-6)}号`,
          category: '核准',
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
  const indexed = await until(
    'sanctions indexes the subject',
    async () =>
      (await sql.query<{ id: string }>('select id from sanctions.subject_index where uscc = $1', [uscc])).rows[0],
    (row) => row !== undefined,
  );
  return { uscc, subjectId: indexed.id };
}

async function entryStep(mutation: string, args: string, headers: Record<string, string>): Promise<string> {
  const result = await graphql<{ result: { status: string } }>(
    `mutation { result: ${mutation}(${args}) { status } }`,
    {},
    headers,
  );
  return expectData(result).result.status;
}

async function listedEntry(uscc: string, decisionNo: string): Promise<string> {
  const proposed = await graphql<{ proposeListEntry: { id: string } }>(
    'mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id } }',
    {
      i: {
        uscc,
        list: 'BLACK',
        reason: '销售不合格产品，情节严重',
        basis: '《产品质量法》',
        decisionNo,
        decidedAt: daysAgo(40),
        validUntil: daysAgo(-1000),
      },
    },
    department,
  );
  const id = expectData(proposed).proposeListEntry.id;
  expect(await entryStep('notifyListEntry', `id: "${id}", notifiedAt: "${daysAgo(39)}"`, department)).toBe('NOTIFIED');
  expect(await entryStep('publishListEntry', `id: "${id}"`, await as('credit_office'))).toBe('PUBLISHED');
  return id;
}

async function verdictOf(uscc: string): Promise<string> {
  const result = await graphql<{ screen: { verdict: string }[] }>(
    'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { verdict } }',
    { u: [uscc] },
    department,
  );
  return expectData(result).screen[0].verdict;
}

describe('records.changed and screening.changed from sanctions', () => {
  it('sends a list entry through its workflow: not public, ACTIVE once published, WITHDRAWN/REMOVED, and a repaired one WITHDRAWN/REPAIRED', async () => {
    const { uscc, subjectId } = await newListableSubject();
    const removedId = await listedEntry(uscc, `姑市监黑〔2026〕EXL${uscc.slice(-6)}A号`);
    expect(
      await entryStep(
        'removeListEntry',
        `id: "${removedId}", repaired: false, reason: "认定决定被撤销"`,
        await as('credit_office'),
      ),
    ).toBe('REMOVED');
    const steps = await snapshotsOf(removedId);
    expect(steps.map((s) => [s.state, s.withdrawalReason, s.fields.status])).toEqual([
      ['WITHDRAWN', 'NOT_PUBLIC', 'DESIGNATED'],
      ['WITHDRAWN', 'NOT_PUBLIC', 'NOTIFIED'],
      ['ACTIVE', null, 'PUBLISHED'],
      ['WITHDRAWN', 'REMOVED', 'REMOVED'],
    ]);
    expect(steps[2]).toMatchObject({
      kind: 'LIST_ENTRY',
      key: removedId,
      subject: { id: subjectId, uscc, name: '苏州名单交换测试有限公司', kind: 'ENTERPRISE' },
      fields: {
        list: 'BLACK',
        listKind: expect.any(String),
        designatingAuthorityKind: expect.any(String),
        designatingAuthority: expect.any(String),
        decidedAt: daysAgo(40),
        validUntil: daysAgo(-1000),
        reason: '销售不合格产品，情节严重',
        basis: '《产品质量法》',
        published: true,
      },
    });
    expect(steps[3].fields.removalReason).toBe('认定决定被撤销');
    const versions = steps.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);

    // 信用修复 decided by the department that designated it (谁认定、谁修复), through a repair case.
    const repairedId = await listedEntry(uscc, `姑市监黑〔2026〕EXL${uscc.slice(-6)}B号`);
    await repairThroughCase('LIST_ENTRY', repairedId, { uscc, subjectId, name: '苏州名单交换测试有限公司' });
    const repaired = await until(
      'the repair reaches sanctions',
      async () => (await snapshotsOf(repairedId)).at(-1),
      (last) => last?.state === 'WITHDRAWN',
    );
    expect(repaired).toMatchObject({ withdrawalReason: 'REPAIRED', fields: { status: 'REMOVED' } });
  });

  it('announces a subject newly listed as a screening change from its previous verdict, and back when it leaves the list', async () => {
    const { uscc, subjectId } = await newListableSubject();
    const entryId = await listedEntry(uscc, `姑市监黑〔2026〕EXL${uscc.slice(-6)}C号`);
    expect(await verdictOf(uscc)).toBe('RESTRICT');
    // Its grade may arrive from evaluations at any moment (and move the verdict on its own): the change
    // that lists it is the one to RESTRICT, the one that delists it the one from RESTRICT.
    const listed = (await screeningChangesOf(subjectId)).find((c) => c.verdict === 'RESTRICT');
    expect(listed).toMatchObject({
      subjectId,
      uscc,
      name: '苏州名单交换测试有限公司',
      verdict: 'RESTRICT',
      entries: [{ entryId, list: 'BLACK', listKind: expect.any(String) }],
    });

    expect(
      await entryStep(
        'removeListEntry',
        `id: "${entryId}", repaired: false, reason: "认定决定被撤销"`,
        await as('credit_office'),
      ),
    ).toBe('REMOVED');
    const left = (await screeningChangesOf(subjectId)).find((c) => c.previousVerdict === 'RESTRICT');
    expect(left).toMatchObject({ entries: [] });
    expect(left?.verdict).not.toBe('RESTRICT');

    // Each change starts from the one before (the first from none, or from CLEAR stored quietly): only real changes, in order.
    const changes = await screeningChangesOf(subjectId);
    expect([null, 'CLEAR']).toContain(changes[0].previousVerdict);
    for (const [i, change] of changes.entries()) {
      expect(change.verdict).not.toBe(change.previousVerdict);
      if (i > 0) expect(change.previousVerdict).toBe(changes[i - 1].verdict);
    }
  });

  it('sends an entry whose validity ended by the date alone WITHDRAWN/EXPIRED, and its subject’s screening change', async () => {
    const { uscc, subjectId } = await newListableSubject();
    const entryId = await listedEntry(uscc, `姑市监黑〔2026〕EXL${uscc.slice(-6)}D号`);
    await sql.query('update sanctions.list_entry set valid_until = $2 where id = $1', [entryId, daysAgo(1)]);
    await sql.query("update sanctions.date_sweep set through = $1 where name = 'list-entry-dates'", [daysAgo(2)]);
    expect(await inProcess(sanctionsDatabase, (orm) => sweepEntryDates(orm.em))).toBeGreaterThanOrEqual(1);
    expect((await snapshotsOf(entryId)).at(-1)).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'EXPIRED',
      fields: { status: 'EXPIRED', validUntil: daysAgo(1) },
    });
    const expired = (await screeningChangesOf(subjectId)).find((c) => c.previousVerdict === 'RESTRICT');
    expect(expired?.verdict).not.toBe('RESTRICT');
    expect(await inProcess(sanctionsDatabase, (orm) => sweepEntryDates(orm.em))).toBe(0);
  });

  it('keeps the verdict of every subject listed before the first change (the baseline)', async () => {
    // In force as the verdict judges it: by the date in China, not the database server's (UTC) current_date,
    // which is a day behind from 16:00 UTC.
    const { rows } = await sql.query<{ verdict: string | null; n: number }>(
      `select v.verdict, count(distinct e.subject_id)::int as n
         from sanctions.list_entry e left join sanctions.screening_verdict v on v.subject_id = e.subject_id
        where e.list = 'BLACK' and e.status = 'PUBLISHED' and (e.valid_until is null or e.valid_until >= $1::date)
          and (e.valid_from is null or e.valid_from <= $1::date)
        group by v.verdict`,
      [chinaToday()],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.verdict)).toEqual(['RESTRICT']);
  });

  it('announces 1, 50 and 1,000 list entries changed at once in the same number of statements', async () => {
    // Published black entries of subjects of their own, written here as an import of a list would write them.
    const prefix = `EXB${String(Date.now() % 1e6).padStart(6, '0')}`;
    await sql.query(
      `insert into sanctions.subject_index (id, uscc, name)
       select gen_random_uuid(), $1 || lpad(i::text, 9, '0'), '批量名单测试' || i from generate_series(1, 1051) i`,
      [prefix],
    );
    await sql.query(
      `insert into sanctions.list_entry (id, subject_id, subject_uscc, subject_name, list, status, reason, basis, decision_no, decided_by_code,
                                         list_kind, designating_authority_kind, designating_authority, kind_announced, decided_at, valid_from, reported_at)
       select gen_random_uuid(), s.id, s.uscc, s.name, 'BLACK', 'PUBLISHED', '批量', '批量', '批量' || s.uscc, k.decided_by_code,
              k.list_kind, k.designating_authority_kind, k.designating_authority, true, current_date - 40, current_date - 40, now()
         from sanctions.subject_index s
        cross join (select decided_by_code, list_kind, designating_authority_kind, designating_authority
                      from sanctions.list_entry where list = 'BLACK' order by id limit 1) k
        where s.uscc like $1 || '%'`,
      [prefix],
    );
    const { rows } = await sql.query<{ id: string }>(
      "select id from sanctions.list_entry where subject_uscc like $1 || '%' order by id",
      [prefix],
    );
    expect(rows).toHaveLength(1051);
    countSqlStatements();
    const counted = async (): Promise<number> => (await statementCounter.get()).values[0]?.value ?? 0;
    await inProcess(sanctionsDatabase, async (orm) => {
      const cost = async (ids: string[]): Promise<number> =>
        orm.em.fork().transactional(async (tx) => {
          const entries = await tx.find(ListEntry, { id: { $in: ids } });
          const before = await counted();
          await announceEntries(tx, entries);
          return (await counted()) - before;
        });
      const ids = rows.map((r) => r.id);
      const one = await cost(ids.slice(0, 1));
      const fifty = await cost(ids.slice(1, 51));
      const thousand = await cost(ids.slice(51));
      process.stdout.write(`announceEntries statements: 1 → ${one}, 50 → ${fifty}, 1,000 → ${thousand}\n`);
      expect(fifty).toBe(one);
      expect(thousand).toBe(one);
    });
    // Each subject newly listed is announced once, from no verdict to RESTRICT.
    const announced = await sql.query<{ n: number }>(
      `select count(*)::int as n
         from pgboss.job j cross join lateral jsonb_array_elements(j.data->'payload'->'changes') c
        where j.name = 'exchange.screening-changed' and c->>'uscc' like $1 || '%' and c->>'verdict' = 'RESTRICT'`,
      [prefix],
    );
    expect(announced.rows[0].n).toBe(1051);
  });
});
