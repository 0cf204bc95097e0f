import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { setDigest } from '../../subgraphs/exchange/rules/digest';
import { daysAgo } from '../support/dates';
import { ExchangeReceiver, startExchangeReceiver } from '../support/exchange-receiver';
import { deliveryStatusOf, registerTestReceiver } from '../support/exchange-setup';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Reconciliation end to end (issue 17, "Done when"): a receiver that holds the penalties it was pushed has
 * one deliberately dropped from its store and one it should never have held added; reconcile finds the
 * first missing and the second extra by count and digest, lists them, and sends them again — the receiver
 * holds the same set as the exchange afterwards, and a second reconciliation finds nothing.
 */
const authority = demoDataset().departments[0];
const run = String(Date.now() % 1e6).padStart(6, '0');
const CODE = `e2e-recon-${run}`;

interface Difference {
  key: string;
  version: string;
}

interface ReconciliationView {
  kind: string;
  ourCount: number;
  theirCount: number | null;
  ourDigest: string | null;
  theirDigest: string | null;
  missing: Difference[];
  stale: Difference[];
  extra: Difference[];
  resent: number;
  error: string | null;
  requestedBy: string;
}

const FIELDS =
  'kind ourCount theirCount ourDigest theirDigest missing { key version } stale { key version } extra { key version } resent error requestedBy';

let receiver: ExchangeReceiver;
let office: Record<string, string>;
let department: Record<string, string>;

beforeAll(async () => {
  office = await as('credit_office');
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
  receiver = await startExchangeReceiver(`recon-secret-${run}-0123456789abcdefghijklmnop`);
  await registerTestReceiver(office, CODE, receiver);
});

afterAll(async () => {
  await receiver?.close();
});

async function reconcile(): Promise<ReconciliationView> {
  const result = await graphql<{ reconcile: ReconciliationView[] }>(
    `mutation($r: String!) { reconcile(receiver: $r, kind: PENALTY) { ${FIELDS} } }`,
    { r: CODE },
    office,
  );
  const rows = expectData(result).reconcile;
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('reconciliation', () => {
  it('finds a dropped record and one the receiver should not hold, lists them and re-sends them', async () => {
    const uscc = completeUscc(`91320508MC${run}0`.slice(0, 17));
    const records = [1, 2, 3].map((n) => ({
      partyName: '苏州对账测试有限公司',
      partyClass: '法人及非法人组织',
      uscc,
      decisionNo: `姑市监罚〔2026〕RC${run}-${n}号`,
      violationType: '销售不合格产品',
      facts: '当事人销售不合格产品。',
      legalBasis: '《产品质量法》第四十九条',
      categories: ['罚款'],
      content: '罚款人民币五万元',
      fineAmount: '5',
      decidedAt: daysAgo(20),
      validUntil: daysAgo(-400),
      severity: '严重',
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    }));
    expectData(
      await graphql(
        'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
        { r: records },
        department,
      ),
    );
    const ids = expectData(
      await graphql<{ subject: { penalties: { nodes: { id: string }[] } } }>(
        'query($u: String!) { subject(uscc: $u) { penalties { nodes { id } } } }',
        { u: uscc },
        department,
      ),
    ).subject.penalties.nodes.map((n) => n.id);
    expect(ids).toHaveLength(3);
    await until('the receiver holds them', async () => ids.every((id) => receiver.active('PENALTY').has(id)), Boolean);
    await until(
      'the backlog drained',
      () => deliveryStatusOf(office, CODE),
      (s) => s.backlog === '0',
    );

    // A receiver registered after other files reported penalties never had those: the first run sends them
    // (a new receiver's backfill); once they have arrived, both sides hold the same count and digest.
    const catchUp = await reconcile();
    expect(catchUp).toMatchObject({ stale: [], extra: [], error: null });
    expect(catchUp.missing.map((m) => m.key)).not.toEqual(expect.arrayContaining(ids));
    await until(
      'the backfill arrived',
      async () => receiver.active('PENALTY').size,
      (n) => n === catchUp.ourCount,
    );
    const clean = await reconcile();
    expect(clean).toMatchObject({ missing: [], stale: [], extra: [], resent: 0, error: null });
    expect(clean.ourDigest).toBe(clean.theirDigest);
    expect(clean.ourCount).toBe(receiver.active('PENALTY').size);

    const dropped = ids[1];
    const droppedVersion = receiver.active('PENALTY').get(dropped) as number;
    expect(receiver.drop('PENALTY', dropped)).toBe(true);
    const stray = '00000000-0000-4000-8000-0000000000aa';
    receiver.store.set(`PENALTY:${stray}`, { version: 7, state: 'ACTIVE', record: null });

    const found = await reconcile();
    expect(found).toMatchObject({
      missing: [{ key: dropped, version: String(droppedVersion) }],
      stale: [],
      extra: [{ key: stray, version: '7' }],
      resent: 2,
      error: null,
      requestedBy: 'test-credit_office',
    });
    expect(found.theirCount).toBe(found.ourCount);
    expect(found.theirDigest).not.toBe(found.ourDigest);

    // The re-sent entries arrive by push: the dropped record is back, the stray one withdrawn.
    await until(
      'the dropped record is back',
      async () => receiver.active('PENALTY').get(dropped),
      (v) => v === droppedVersion,
    );
    await until(
      'the stray one is withdrawn',
      async () => receiver.store.get(`PENALTY:${stray}`)?.state,
      (s) => s === 'WITHDRAWN',
    );
    const again = await reconcile();
    expect(again).toMatchObject({ missing: [], stale: [], extra: [], resent: 0 });
    expect(again.theirDigest).toBe(again.ourDigest);
    expect(again.ourDigest).toBe(
      setDigest([...receiver.active('PENALTY')].map(([key, version]) => ({ key, version }))),
    );

    const listed = expectData(
      await graphql<{ reconciliations: ReconciliationView[] }>(
        `query($r: String!) { reconciliations(receiver: $r, first: 10) { ${FIELDS} } }`,
        { r: CODE },
        office,
      ),
    ).reconciliations;
    expect(listed.map((r) => r.resent)).toEqual([0, 2, 0, catchUp.resent]);
  });

  it('records a receiver that cannot be reached as an error of the run, and refuses bad input', async () => {
    await receiver.setMode('DOWN');
    try {
      const failed = await reconcile();
      expect(failed.error).toMatch(/fetch failed|ECONNREFUSED/);
      expect(failed.theirCount).toBeNull();
    } finally {
      await receiver.setMode('UP');
    }
    const unknown = await graphql('mutation { reconcile(receiver: "no-such-receiver") { kind } }', {}, office);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'receiver' });
    const tooMany = await graphql(
      'query($r: String!) { reconciliations(receiver: $r, first: 1000) { kind } }',
      { r: CODE },
      office,
    );
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});
