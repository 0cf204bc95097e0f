import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { ExchangeReceiver, startExchangeReceiver } from '../support/exchange-receiver';
import { deliveryStatusOf, registerTestReceiver } from '../support/exchange-setup';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Dead letters on a system of this file's own, with the push policy shortened by its variables (back-off from
 * 1 s capped at 1 s, a batch set aside after 3 s of failures): a receiver that keeps failing has its batch
 * dead-lettered and the feed moves on; replayDeadLetters sends it again, with the same entry ids, once the
 * receiver answers.
 */
const authority = demoDataset().departments[0];
const run = String(Date.now() % 1e6).padStart(6, '0');
const CODE = `e2e-dead-${run}`;

let own: OwnSystem;
let receiver: ExchangeReceiver;
let office: Record<string, string>;
let department: Record<string, string>;
let sharedGateway: string | undefined;

beforeAll(async () => {
  own = await startOwnSystem('exchange-dead-letters', {
    env: {
      EXCHANGE_PUSH_BACKOFF_START: '1s',
      EXCHANGE_PUSH_BACKOFF_CAP: '1s',
      EXCHANGE_PUSH_DEAD_LETTER_AFTER: '3s',
      EXCHANGE_PUSH_TIMEOUT: '2s',
    },
  });
  // The support helpers talk to GUSU_GATEWAY_URL: this file's own system while it runs.
  sharedGateway = process.env.GUSU_GATEWAY_URL;
  process.env.GUSU_GATEWAY_URL = own.system.gatewayUrl;
  office = await as('credit_office');
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
  receiver = await startExchangeReceiver(`dead-secret-${run}-0123456789abcdefghijklmnop`);
  await registerTestReceiver(office, CODE, receiver);
}, 180_000);

afterAll(async () => {
  process.env.GUSU_GATEWAY_URL = sharedGateway;
  await receiver?.close();
  await own?.stop();
});

interface Letter {
  id: string;
  fromSeq: string;
  toSeq: string;
  attempts: number;
  lastError: string | null;
  replayedAt: string | null;
}

async function letters(): Promise<Letter[]> {
  const result = await graphql<{ deadLetters: Letter[] }>(
    'query($r: String!) { deadLetters(receiver: $r) { id fromSeq toSeq attempts lastError replayedAt } }',
    { r: CODE },
    office,
  );
  return expectData(result).deadLetters;
}

it('sets a batch aside after failing too long, moves on, and replays it on request', async () => {
  await receiver.setMode('FAILING');
  const uscc = completeUscc(`91320508MD${run}0`.slice(0, 17));
  const decisionNo = `姑市监罚〔2026〕DL${run}-1号`;
  expectData(
    await graphql(
      'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
      {
        r: [
          {
            partyName: '苏州死信测试有限公司',
            partyClass: '法人及非法人组织',
            uscc,
            decisionNo,
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
          },
        ],
      },
      department,
    ),
  );
  const [letter] = await until('a dead letter', letters, (l) => l.length === 1, 30_000);
  expect(letter).toMatchObject({ fromSeq: '1', replayedAt: null, lastError: expect.stringContaining('HTTP 503') });
  expect(letter.attempts).toBeGreaterThanOrEqual(2);
  // The feed moved on past it: nothing owed, one dead letter.
  expect(await deliveryStatusOf(office, CODE)).toMatchObject({ backlog: '0', deadLetters: 1 });
  expect(receiver.accepted).toHaveLength(0);

  await receiver.setMode('UP');
  const replayed = await graphql<{ replayDeadLetters: Letter[] }>(
    'mutation($r: String!, $ids: [ID!]) { replayDeadLetters(receiver: $r, ids: $ids) { id } }',
    { r: CODE, ids: [letter.id] },
    office,
  );
  expect(expectData(replayed).replayDeadLetters.map((l) => l.id)).toEqual([letter.id]);
  const [done] = await until('replayed', letters, (l) => l[0]?.replayedAt !== null, 20_000);
  expect(done.id).toBe(letter.id);
  expect(receiver.accepted.flatMap((b) => b.entries).map((e) => e.seq)).toEqual(
    Array.from({ length: Number(letter.toSeq) - Number(letter.fromSeq) + 1 }, (_, i) =>
      String(Number(letter.fromSeq) + i),
    ),
  );
  expect((await deliveryStatusOf(office, CODE)).deadLetters).toBe(0);

  const unknown = await graphql(
    'mutation($r: String!) { replayDeadLetters(receiver: $r, ids: ["00000000-0000-4000-8000-000000000000"]) { id } }',
    { r: CODE },
    office,
  );
  expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'ids' });
});
