import { Client } from 'pg';
import { demoDataset } from '../../shared/demo/dataset';
import { SIGNATURE_HEADER, signBatch } from '../../shared/exchange/signature';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { ExchangeReceiver, ReceivedEntry, startExchangeReceiver } from '../support/exchange-receiver';
import { deliveryStatusOf, registerTestReceiver } from '../support/exchange-setup';
import { expectData } from '../support/expect-data';
import { graphql, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Push delivery end to end (issue 17, "Done when"): penalties reported through the gateway travel from
 * subjects ('records.changed') to the exchange's feed and are pushed, signed, to real HTTP receivers on
 * loopback (test/support/exchange-receiver.ts) — one down for a while, one that loses its state, one
 * slow — with nothing of the delivery path mocked.
 */
const authority = demoDataset().departments[0];
const run = String(Date.now() % 1e6).padStart(6, '0');
const CITY = `e2e-city-${run}`;
const SLOW = `e2e-slow-${run}`;
let serial = 0;

function newUscc(): string {
  serial += 1;
  return completeUscc(`91320508MB${run.slice(-5)}${String(serial).padStart(2, '0')}`);
}

function penalty(decisionNo: string, uscc: string, decidedAt = daysAgo(30)): Record<string, unknown> {
  return {
    partyName: '苏州推送测试有限公司',
    partyClass: '法人及非法人组织',
    uscc,
    decisionNo,
    violationType: '销售不合格产品',
    facts: '当事人销售不合格产品。',
    legalBasis: '《产品质量法》第四十九条',
    categories: ['罚款'],
    content: '罚款人民币五万元',
    fineAmount: '5',
    decidedAt,
    validUntil: daysAgo(-400),
    severity: '严重',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

let city: ExchangeReceiver;
let slow: ExchangeReceiver;
let office: Record<string, string>;
let department: Record<string, string>;
let sql: Client;

beforeAll(async () => {
  office = await as('credit_office');
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
  city = await startExchangeReceiver(`city-secret-${run}-0123456789abcdefghijklmnop`);
  slow = await startExchangeReceiver(`slow-secret-${run}-0123456789abcdefghijklmnop`);
  await registerTestReceiver(office, CITY, city);
  await registerTestReceiver(office, SLOW, slow);
  sql = new Client({ connectionString: systemDatabaseUrl() });
  await sql.connect();
});

afterAll(async () => {
  await city?.close();
  await slow?.close();
  await sql?.end();
});

/** Reports penalties and answers their ids by decision number. */
async function report(records: Record<string, unknown>[]): Promise<Map<string, string>> {
  expectData(
    await graphql(
      'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
      { r: records },
      department,
    ),
  );
  const ids = new Map<string, string>();
  for (const uscc of new Set(records.map((r) => String(r.uscc)))) {
    const result = await graphql<{ subject: { penalties: { nodes: { id: string; decisionNo: string }[] } } }>(
      'query($u: String!) { subject(uscc: $u) { penalties { nodes { id decisionNo } } } }',
      { u: uscc },
      department,
    );
    for (const n of expectData(result).subject.penalties.nodes) ids.set(n.decisionNo, n.id);
  }
  return ids;
}

function entriesFor(receiver: ExchangeReceiver, key: string): ReceivedEntry[] {
  return receiver.accepted.flatMap((b) => b.entries).filter((e) => e.key === key);
}

describe('push delivery', () => {
  it('delivers a penalty reported while the receiver was down, once, after it comes back', async () => {
    await city.setMode('DOWN');
    const decisionNo = `姑市监罚〔2026〕PD${run}-1号`;
    const id = (await report([penalty(decisionNo, newUscc())])).get(decisionNo) as string;
    // The worker tries, fails and backs off while the receiver is down.
    const failing = await until(
      'a failed attempt',
      () => deliveryStatusOf(office, CITY),
      (s) => s.attempts >= 1 && Number(s.backlog) > 0,
    );
    expect(failing.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    await new Promise((settled) => setTimeout(settled, 2000));
    await city.setMode('UP');
    await until(
      'the penalty arrives',
      async () => city.active('PENALTY').get(id),
      (v) => v !== undefined,
      40_000,
    );
    const status = await until(
      'the backlog drained',
      () => deliveryStatusOf(office, CITY),
      (s) => s.backlog === '0',
    );
    expect(status).toMatchObject({ attempts: 0, lastError: null, deadLetters: 0 });
    // Once: one entry for the record, applied once, in a batch whose idempotency key is its id.
    const entries = entriesFor(city, id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: 'UPSERT', kind: 'PENALTY', record: { key: id, state: 'ACTIVE' } });
    expect(city.duplicates).toBe(0);
    expect(city.accepted.every((b) => b.idempotencyKey === b.batchId && b.batchId.startsWith(`${CITY}:`))).toBe(true);
    // The receiver's copy carries no ID number (the catalogue line's includeIdNumber: false).
    expect(Object.keys((entries[0].record as { fields: Record<string, unknown> }).fields)).not.toContain('idNumber');
  });

  it('delivers a revocation as a WITHDRAW entry, and the receiver stops holding the record', async () => {
    const decisionNo = `姑市监罚〔2026〕PD${run}-2号`;
    const id = (await report([penalty(decisionNo, newUscc())])).get(decisionNo) as string;
    await until(
      'the penalty arrives',
      async () => city.active('PENALTY').get(id),
      (v) => v !== undefined,
    );
    expectData(
      await graphql(
        'mutation($a: String!, $n: String!) { revokePenalty(authorityUscc: $a, decisionNo: $n, reason: "复议撤销") { id } }',
        { a: authority.uscc, n: decisionNo },
        department,
      ),
    );
    await until(
      'the withdrawal arrives',
      async () => city.store.get(`PENALTY:${id}`)?.state,
      (s) => s === 'WITHDRAWN',
    );
    const withdrawal = entriesFor(city, id).find((e) => e.operation === 'WITHDRAW');
    expect(withdrawal?.record).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: 'REVOKED' });
  });

  it('delivers an approved repair as a WITHDRAW entry (信用修复: REPAIRED)', async () => {
    // Decided in 2025 (Order 58: three months before repair): eligible with a repair commitment.
    const uscc = newUscc();
    const decisionNo = `姑市监罚〔2025〕PD${run}-R号`;
    const id = (await report([penalty(decisionNo, uscc, '2025-06-02')])).get(decisionNo) as string;
    await until(
      'the penalty arrives',
      async () => city.active('PENALTY').get(id),
      (v) => v !== undefined,
    );
    const subjectId = expectData(
      await graphql<{ subject: { id: string } }>(
        'query($u: String!) { subject(uscc: $u) { id } }',
        { u: uscc },
        department,
      ),
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
            signatoryName: '苏州推送测试有限公司',
            signatoryUscc: uscc,
            templateCode: template.code,
            reference: `PD-${uscc}`,
          },
        },
        department,
      ),
    ).signCommitment;
    await until(
      'repairs learns of the penalty and the commitment',
      async () =>
        (
          await graphql<{ repairEligibility: { eligible: boolean } }>(
            'query($t: RepairTargetInput!, $c: ID) { repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: "罚没款已缴清") { eligible } }',
            { t: { kind: 'PENALTY', id }, c: commitment.id },
            department,
          )
        ).data?.repairEligibility.eligible,
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
    await until(
      'the withdrawal arrives',
      async () => city.store.get(`PENALTY:${id}`)?.state,
      (s) => s === 'WITHDRAWN',
      40_000,
    );
    const withdrawal = entriesFor(city, id).find((e) => e.operation === 'WITHDRAW');
    expect(withdrawal?.record).toMatchObject({ key: id, state: 'WITHDRAWN', withdrawalReason: 'REPAIRED' });
  });

  it('refuses a batch with a bad signature (the receiver verifies before it applies)', async () => {
    const body = JSON.stringify({ receiver: CITY, batchId: `${CITY}:1-1`, entries: [] });
    const forged = await fetch(city.pushUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBatch('not-the-secret', body) },
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(city.pushUrl, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(city.refused.map((r) => r.reason)).toEqual(['MISMATCH', 'MALFORMED']);
  });

  it('a receiver that lost its state asks for a rewind and converges to what the exchange holds', async () => {
    const before = new Map(city.active('PENALTY'));
    expect(before.size).toBeGreaterThan(0);
    city.loseState();
    const rewound = await graphql<{ rewindDelivery: { deliveredSeq: string; backlog: string } }>(
      'mutation($r: String!) { rewindDelivery(receiver: $r, toSeq: "0") { deliveredSeq backlog } }',
      { r: CITY },
      office,
    );
    expect(expectData(rewound).rewindDelivery.deliveredSeq).toBe('0');
    await until(
      'the feed re-read',
      () => deliveryStatusOf(office, CITY),
      (s) => s.backlog === '0',
      40_000,
    );
    // The same set as record_state's ACTIVE records the receiver was sent (its feed's keys).
    const { rows } = await sql.query<{ key: string; version: string }>(
      `select s.key, s.version from exchange.record_state s
       where s.kind = 'PENALTY' and s.state = 'ACTIVE'
         and s.key in (select key from exchange.feed_entry where receiver_code = $1)`,
      [CITY],
    );
    expect(new Map(city.active('PENALTY'))).toEqual(new Map(rows.map((r) => [r.key, Number(r.version)])));
    expect(city.active('PENALTY')).toEqual(before);
    // Pulling the feed from 0 (changes, the receiver's own service token) gives the same set.
    const platform = { authorization: `Bearer ${await tokenFor('platform', { sub: CITY })}` };
    const pulled = new Map<string, number>();
    for (let after = '0', more = true; more;) {
      const page = expectData(
        await graphql<{ changes: { entries: ReceivedEntry[]; lastSeq: string; hasMore: boolean } }>(
          'query($r: String!, $a: String!) { changes(receiver: $r, after: $a, first: 1000) { entries { key version operation } lastSeq hasMore } }',
          { r: CITY, a: after },
          platform,
        ),
      ).changes;
      for (const e of page.entries) {
        const version = Number(e.version);
        if (e.operation === 'UPSERT' && version > (pulled.get(e.key) ?? -1)) pulled.set(e.key, version);
        if (e.operation === 'WITHDRAW' && version >= (pulled.get(e.key) ?? -1)) pulled.delete(e.key);
      }
      after = page.lastSeq;
      more = page.hasMore;
    }
    expect(pulled).toEqual(before);
    // A rewind past what was delivered is refused, naming the argument.
    const ahead = await graphql(
      'mutation($r: String!) { rewindDelivery(receiver: $r, toSeq: "999999999") { backlog } }',
      { r: CITY },
      office,
    );
    expect(ahead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toSeq' });
  });

  it('a slow receiver does not hold up another', async () => {
    slow.setDelayMs(6000);
    const decisionNo = `姑市监罚〔2026〕PD${run}-3号`;
    const started = Date.now();
    const id = (await report([penalty(decisionNo, newUscc())])).get(decisionNo) as string;
    await until(
      'the city has it',
      async () => city.active('PENALTY').get(id),
      (v) => v !== undefined,
    );
    const cityMs = Date.now() - started;
    expect(slow.active('PENALTY').get(id)).toBeUndefined();
    expect(cityMs).toBeLessThan(5000);
    slow.setDelayMs(0);
    await until(
      'the slow one has it too',
      async () => slow.active('PENALTY').get(id),
      (v) => v !== undefined,
      40_000,
    );
  });
});
