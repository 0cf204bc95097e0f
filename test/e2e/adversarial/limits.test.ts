import { createPrivateKey } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { expectData } from '../../support/expect-data';
import { gatewayUrl, graphql, servicePort } from '../../support/gateway';
import { InProcessGateway, startInProcessGateway } from '../../support/in-process-gateway';
import { as } from '../../support/tokens';

/**
 * Issue 11, parts 5 and 8: bounded work before any parsing, and the small
 * ones. Each attack is sent to the real gateway; what must come back is a 4xx
 * with a code, quickly, and the system still serving.
 */
interface Answer {
  status: number;
  ms: number;
  bytes: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: string, headers: Record<string, string> = {}, url = gatewayUrl()): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const type = response.headers.get('content-type') ?? '';
  expect(type).toMatch(/json/);
  return { status: response.status, ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) as Answer['body'] };
}

const query = (text: string, variables: Record<string, unknown> = {}, operationName?: string): string =>
  JSON.stringify({ query: text, variables, operationName });

function expectCode(answer: Answer, status: number, code: string, argument?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
  if (argument !== undefined) expect(answer.body.errors?.[0]?.extensions?.argument).toBe(argument);
}

/** Just under the 8 MB body limit an authenticated caller has. */
const NEAR_BODY_LIMIT = 8 * 1024 * 1024 - 1024;

describe('bounded work before parsing', () => {
  it('refuses a body-sized document of repeated fields on its length, before lexing or parsing it', async () => {
    const document = `{ ${'departments { code } '.repeat(Math.floor(NEAR_BODY_LIMIT / 21) - 10)}}`;
    const answer = await post(query(document), await as('department'));
    expectCode(answer, 400, 'DOCUMENT_TOO_LONG');
    // Was 4–18 s of blocked event loop; what is left is reading and JSON-parsing 8 MB.
    expect(answer.ms).toBeLessThan(3000);
  });

  it('counts tokens: 15,001 tokens under the length limit are refused', async () => {
    const document = `{ ${'a '.repeat(15_000)}}`;
    expect(document.length).toBeLessThan(100_000);
    expectCode(await post(query(document)), 400, 'TOO_MANY_TOKENS');
  });

  it('limits nesting before the recursive parser sees it (7,000 brackets overflowed its stack)', async () => {
    let selection = 'id';
    for (let i = 0; i < 7000; i += 1) selection = `a{${selection}}`;
    const nestedSelections = await post(query(`{${selection}}`));
    expectCode(nestedSelections, 400, 'QUERY_TOO_DEEP');
    expect(JSON.stringify(nestedSelections.body)).not.toMatch(/call stack/);
    let list = '1';
    for (let i = 0; i < 7000; i += 1) list = `[${list}]`;
    expectCode(await post(query(`{ subjects(search: ${list}) { totalCount } }`)), 400, 'QUERY_TOO_DEEP');
  });

  it('gives a caller without a valid token a small body limit, refused before the body is read', async () => {
    const body = query('query($s: String) { subjects(search: $s) { totalCount } }', { s: 'x'.repeat(1024 * 1024) });
    expectCode(await post(body), 413, 'PAYLOAD_TOO_LARGE');
    // A refused token is answered as such (so a client with an expired one learns to renew it), before the body is read.
    expectCode(await post(body, { authorization: 'Bearer forged.token.here' }), 401, 'UNAUTHENTICATED');
    // With a token the same body is read, and the search refused on its length instead.
    expectCode(await post(body, await as('hall')), 400, 'BAD_USER_INPUT', 's');
  });
});

describe('input bounds', () => {
  it('limits a search to 200 characters, as a variable or a literal, before it reaches the database', async () => {
    const long = '姚'.repeat(201);
    const variable = await post(
      query('query($s: String) { subjects(search: $s) { totalCount } }', { s: long }),
      await as('hall'),
    );
    expectCode(variable, 400, 'BAD_USER_INPUT', 's');
    expect(variable.body.errors![0].message).toMatch(/201 characters; the limit is 200/);
    expectCode(
      await post(query(`{ publishedList(list: BLACK, search: "${long}") { totalCount } }`)),
      400,
      'BAD_USER_INPUT',
      'search',
    );
    const fits = await graphql<{ subjects: { totalCount: number } }>(
      'query($s: String) { subjects(search: $s) { totalCount } }',
      { s: '姚'.repeat(200) },
      await as('hall'),
    );
    expect(fits.errors).toBeUndefined();
  });

  it('names the input field of an over-long value inside an input object, and lets a declared longer one through', async () => {
    const over = await post(
      query('mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id } }', {
        i: {
          uscc: '9144030071526726XG',
          list: 'WATCH',
          reason: 'r'.repeat(2001),
          basis: 'b',
          decisionNo: 'x',
          decidedAt: '2026-01-01',
        },
      }),
      await as('department'),
    );
    expectCode(over, 400, 'BAD_USER_INPUT', 'i.reason');
    // 2,000 characters is within its declared limit: what refuses the call now is not the length.
    const within = await graphql(
      'mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id } }',
      {
        i: {
          uscc: '9144030071526726XG',
          list: 'WATCH',
          reason: 'r'.repeat(2000),
          basis: 'b'.repeat(300),
          decisionNo: 'x'.repeat(201),
          decidedAt: '2026-01-01',
        },
      },
      await as('department'),
    );
    expect(within.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'i.decisionNo' });
  });

  it('refuses a NUL byte in any String argument, naming it, before it reaches SQL', async () => {
    expectCode(
      await post(query('query($s: String) { subjects(search: $s) { totalCount } }', { s: 'a\u0000b' })),
      400,
      'BAD_USER_INPUT',
      's',
    );
    expectCode(await post(query('{ subjects(search: "a\\u0000b") { totalCount } }')), 400, 'BAD_USER_INPUT', 'search');
    const report = await post(
      query('mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }', {
        r: [{ partyName: 'ok' }, { partyName: '某\u0000公司' }],
      }),
      await as('department'),
    );
    expectCode(report, 400, 'BAD_USER_INPUT', 'r[1].partyName');
  });

  it('counts screened codes across aliases: 10,000 per request, not per field', async () => {
    const codes = Array.from({ length: 10_000 }, () => '9144030071526726XG');
    const thirty = Array.from(
      { length: 30 },
      (_, i) => `s${i}: screen(usccs: $u, scenario: BIDDING) { uscc verdict }`,
    ).join(' ');
    const answer = await post(query(`query($u: [String!]!) { ${thirty} }`, { u: codes }), await as('department'));
    expectCode(answer, 400, 'BAD_USER_INPUT', 'usccs');
    expect(answer.ms).toBeLessThan(3000);
    const split =
      'query($u: [String!]!, $v: [String!]!) { a: screen(usccs: $u, scenario: BIDDING) { uscc } b: screen(usccs: $v, scenario: BIDDING) { uscc } }';
    expectCode(
      await post(query(split, { u: codes.slice(0, 6000), v: codes.slice(0, 4001) }), await as('department')),
      400,
      'BAD_USER_INPUT',
      'usccs',
    );
    const fits = await graphql<{ a: unknown[]; b: unknown[] }>(
      split,
      { u: codes.slice(0, 6000), v: codes.slice(0, 4000) },
      await as('department'),
    );
    expect(fits.errors).toBeUndefined();
    expect(expectData(fits).a.length + expectData(fits).b.length).toBe(10_000);
  });

  it('counts reported records across aliases and kinds: 5,000 per request', async () => {
    const records = Array.from({ length: 2501 }, (_, i) => ({ rowNumber: i + 1 }));
    const answer = await post(
      query(
        'mutation($r: [PenaltyReport!]!, $l: [LicenseReport!]!) { p: reportPenalties(records: $r) { accepted } l: reportLicenses(records: $l) { accepted } }',
        { r: records, l: records },
      ),
      await as('department'),
    );
    expectCode(answer, 400, 'BAD_USER_INPUT', 'records');
  });

  it('never echoes more than a short prefix of the input in an error', async () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const variable = await post(
      query('query($n: Int) { subjects(first: $n) { totalCount } }', { n: megabyte }),
      await as('hall'),
    );
    expectCode(variable, 400, 'BAD_USER_INPUT', 'n');
    expect(variable.bytes).toBeLessThan(8 * 1024);
    const literal = await post(query(`{ subjects(first: "${'y'.repeat(90_000)}") { totalCount } }`), await as('hall'));
    expect(literal.status).toBe(400);
    expect(literal.body.errors![0].message).toMatch(/y{100}…"/);
    expect(literal.bytes).toBeLessThan(8 * 1024);
  });
});

describe('the small ones', () => {
  it('answers two operations without an operationName, or a wrong one, with 400 and a code', async () => {
    const two = 'query A { departments { code } } query B { departments { name } }';
    expectCode(await post(query(two)), 400, 'OPERATION_RESOLUTION_FAILURE');
    expectCode(await post(query(two, {}, 'C')), 400, 'OPERATION_RESOLUTION_FAILURE');
    const chosen = await post(query(two, {}, 'B'));
    expect(chosen.status).toBe(200);
  });

  it('answers an inline date literal that is not a calendar date as BAD_USER_INPUT naming the argument', async () => {
    const answer = await post(
      query('{ publicityQuality(from: "2026-02-30", to: "2026-03-01") { kind } }'),
      await as('credit_office'),
    );
    expectCode(answer, 400, 'BAD_USER_INPUT', 'from');
  });

  it('answers a malformed JSON body with a JSON error, not an HTML page', async () => {
    const answer = await post('{"query": ');
    expectCode(answer, 400, 'BAD_REQUEST');
    expect(answer.body.errors![0].message).toBe('the request body is not valid JSON');
  });
});

describe('subgraphs enforce the same input bounds (defence in depth)', () => {
  const creditOffice: Principal = {
    sub: 'x',
    name: 'x',
    org: 'gusu.xyb',
    roles: ['credit_office'],
    scopes: ['credit:public', 'credit:read'],
    authenticated: true,
  };

  it('refuses a NUL byte and an over-long search sent straight to a subgraph with a valid internal token', async () => {
    const token = await signInternalToken(
      creditOffice,
      'subjects',
      createPrivateKey(process.env.GUSU_INTERNAL_PRIVATE_KEY ?? ''),
    );
    const send = (variables: Record<string, unknown>) =>
      post(
        query('query($s: String) { subjects(search: $s) { totalCount } }', variables),
        { [INTERNAL_TOKEN_HEADER]: token },
        `http://127.0.0.1:${servicePort('subjects')}`,
      );
    expectCode(await send({ s: 'a\u0000' }), 400, 'BAD_USER_INPUT', 's');
    expectCode(await send({ s: 'x'.repeat(201) }), 400, 'BAD_USER_INPUT', 's');
  });
});

describe('production mode', () => {
  let gateway: InProcessGateway;
  beforeAll(async () => {
    gateway = await startInProcessGateway({ NODE_ENV: 'production', GATEWAY_PORT: '0' });
  });
  afterAll(() => gateway.stop());

  it('gives no "Did you mean" suggestions for fields, arguments or enum values', async () => {
    for (const document of [
      '{ departmnts { code } }',
      '{ subjects(serch: "a") { totalCount } }',
      '{ publishedList(list: BLAK) { totalCount } }',
    ]) {
      const answer = await post(query(document), {}, gateway.url);
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0].message).not.toMatch(/did you mean/i);
      expect(answer.body.errors![0].message).not.toMatch(/departments|search|BLACK/);
    }
    // The development gateway still helps.
    expect((await post(query('{ departmnts { code } }'))).body.errors![0].message).toMatch(
      /Did you mean "departments"/,
    );
  });
});
