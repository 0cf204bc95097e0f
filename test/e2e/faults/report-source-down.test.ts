import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '../../../gateway/auth/dev-token';
import { randomKey } from '../../../scripts/dev-secrets';
import type { RunningSystem } from '../../../scripts/system';
import { expectPartialData } from '../../support/expect-data';
import { clientOperations } from '../../support/operations';
import { OwnSystem, startOwnSystem } from '../../support/own-system';

/**
 * A credit report is complete or not issued: with the commitments subgraph down
 * the report is refused naming the missing section, and with sanctions down it is
 * refused as SCREENING_UNAVAILABLE — never a report that says CLEAR by default. The evaluation
 * alone is advice beside the record: with the evaluations subgraph down the report is issued and
 * its 公共信用综合评价 section says 暂不可用.
 */
jest.setTimeout(240_000);

const ISSUE = clientOperations().find((op) => op.file === 'hall-issue-report.graphql')!.source;
const PUBLIC_LISTS = clientOperations().find((op) => op.file === 'public-lists.graphql')!.source;

let own: OwnSystem | undefined;
let system: RunningSystem;
let secret: string;
let uscc: string;

interface Answer {
  data?: {
    issueCreditReport?: { number: string; verdict: string; verificationCode: string; sha256: string } | null;
    creditReportDocument?: { base64: string } | null;
    verifyCreditReport?: { genuine: boolean; unaltered: boolean | null } | null;
  } | null;
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

const clerk = () =>
  signDevToken(secret, { sub: 'fault-hall', name: '大厅窗口', org: 'gusu.xzspj', roles: ['hall'], ttl: '10m' });

const issue = async () => post(ISSUE, { uscc, scenario: 'BIDDING', matter: '招标投标资格审查' }, await clerk());

/** The report's text as poppler reads it (pdftotext, as test/e2e/credit-reports.test.ts does). */
async function reportText(number: string): Promise<string> {
  const answer = await post(
    'query($number: String!) { creditReportDocument(number: $number) { base64 } }',
    { number },
    await clerk(),
  );
  const dir = mkdtempSync(join(tmpdir(), 'report-source-down-'));
  try {
    const file = join(dir, `${number}.pdf`);
    writeFileSync(file, Buffer.from(answer.data!.creditReportDocument!.base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

  it('evaluations down: issued all the same, its 公共信用综合评价 section saying 暂不可用 (and the report verifies)', async () => {
    await system.kill('evaluations');
    let issued: NonNullable<NonNullable<Answer['data']>['issueCreditReport']>;
    try {
      const answer = await issue();
      expect(answer.errors).toBeUndefined();
      issued = expectPartialData(answer).issueCreditReport!;
      expect(issued.verdict).toBe('RESTRICT');
    } finally {
      await system.restart('evaluations');
    }
    const text = await reportText(issued.number);
    expect(text).toContain('公共信用综合评价');
    expect(text).toContain('暂不可用：评价服务未能应答');
    expect(text).not.toMatch(/评价等级: [ABCD]/);
    const verified = await post(
      'query($n: String!, $c: String!, $s: String) { verifyCreditReport(number: $n, verificationCode: $c, sha256: $s) { genuine unaltered } }',
      { n: issued.number, c: issued.verificationCode, s: issued.sha256 },
    );
    expect(verified.data?.verifyCreditReport).toEqual({ genuine: true, unaltered: true });
    // Back up: the next report prints the grade.
    const again = expectPartialData(await issue()).issueCreditReport!;
    expect(await reportText(again.number)).toMatch(/评价等级: [ABCD]（[优良中差]）/);
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
