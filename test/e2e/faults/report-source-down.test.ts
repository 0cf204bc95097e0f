import { signDevToken } from '../../../gateway/auth/dev-token';
import { randomKey } from '../../../scripts/dev-secrets';
import type { RunningSystem } from '../../../scripts/system';
import { expectPartialData } from '../../support/expect-data';
import { clientOperations } from '../../support/operations';
import { OwnSystem, startOwnSystem } from '../../support/own-system';

/**
 * A credit report is complete or not issued: with the commitments subgraph down
 * the report is refused naming the missing section, and with sanctions down it is
 * refused as SCREENING_UNAVAILABLE — never a report that says CLEAR by default.
 */
jest.setTimeout(240_000);

const ISSUE = clientOperations().find((op) => op.file === 'hall-issue-report.graphql')!.source;
const PUBLIC_LISTS = clientOperations().find((op) => op.file === 'public-lists.graphql')!.source;

let own: OwnSystem | undefined;
let system: RunningSystem;
let secret: string;
let uscc: string;

interface Answer {
  data?: { issueCreditReport: { number: string; verdict: string } | null } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const issue = async () =>
  post(
    ISSUE,
    { uscc, scenario: 'BIDDING', matter: '招标投标资格审查' },
    await signDevToken(secret, { sub: 'fault-hall', name: '大厅窗口', org: 'gusu.xzspj', roles: ['hall'], ttl: '10m' }),
  );

beforeAll(async () => {
  secret = randomKey();
  own = await startOwnSystem('report-source-down', { jwtSecret: secret });
  system = own.system;
  const lists = await post(PUBLIC_LISTS, { list: 'BLACK', first: 1 });
  uscc = (lists.data as unknown as { publishedList: { nodes: { subject: { uscc: string } }[] } }).publishedList.nodes[0]
    .subject.uscc;
});

afterAll(async () => {
  await own?.stop();
});

describe('issuing a report with a source down', () => {
  it('issues it while every source answers', async () => {
    const answer = await issue();
    expect(answer.errors).toBeUndefined();
    expect(expectPartialData(answer).issueCreditReport!.verdict).toBe('RESTRICT');
  });

  it('commitments down: refused, naming the section (a report is never printed with a section left empty)', async () => {
    await system.kill('commitments');
    try {
      const answer = await issue();
      expect(answer.data?.issueCreditReport ?? null).toBeNull();
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'SECTION_UNAVAILABLE',
        sections: ['commitments'],
        sources: ['commitments'],
      });
    } finally {
      await system.restart('commitments');
    }
  });

  it('sanctions down: refused as SCREENING_UNAVAILABLE, never CLEAR', async () => {
    await system.kill('sanctions');
    try {
      const answer = await issue();
      expect(answer.data?.issueCreditReport ?? null).toBeNull();
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['SCREENING_UNAVAILABLE']);
      expect(answer.errors?.[0].extensions?.sections).toEqual(expect.arrayContaining(['screening', 'listEntries']));
    } finally {
      await system.restart('sanctions');
    }
    // Back up: issued again, with the verdict screening gives.
    expect(expectPartialData(await issue()).issueCreditReport!.verdict).toBe('RESTRICT');
  });

  it('reports down: the mutation is unavailable; restarted, it learns the gateway address again and issues', async () => {
    await system.kill('reports');
    try {
      const answer = await issue();
      expect(answer.data?.issueCreditReport ?? null).toBeNull();
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    } finally {
      await system.restart('reports');
    }
    const again = await issue();
    expect(again.errors).toBeUndefined();
    expect(expectPartialData(again).issueCreditReport!.verdict).toBe('RESTRICT');
  });
});
