import { randomUUID } from 'node:crypto';
import { runSql } from '../../../scripts/fresh-database';
import { gatewayUrl, systemDatabaseUrl } from '../../support/gateway';
import { InProcessGateway, startInProcessGateway } from '../../support/in-process-gateway';
import { clientOperations } from '../../support/operations';
import { as } from '../../support/tokens';

/**
 * Faults of ours answered as such: the audit log refusing one request's rows
 * (a check constraint, as a full disk or a broken table would) makes an
 * audited query a 503 with Retry-After, not a 400; a statement the database
 * refuses reaches no client as SQL, address or stack in production.
 * Constraints name this file's request ids and decision numbers only: the
 * other tests on the shared system are untouched.
 */
jest.setTimeout(60_000);

const HALL_PROFILE = clientOperations().find((op) => op.file === 'hall-profile.graphql')!.source;
const PUBLIC_LISTS = clientOperations().find((op) => op.file === 'public-lists.graphql')!.source;
const LEAK =
  /insert into|select |"sanctions"\.|"subjects"\.|https?:\/\/|127\.0\.0\.1|localhost|ECONNREFUSED|\bat \S+ \(|constraint/i;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

async function post(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

const databaseUrl = systemDatabaseUrl;
let production: InProcessGateway;
let uscc: string;

beforeAll(async () => {
  production = await startInProcessGateway({ NODE_ENV: 'production', GATEWAY_PORT: '0' });
  const lists = await post(gatewayUrl(), PUBLIC_LISTS, { list: 'BLACK', first: 1 }, {});
  uscc = (lists.body.data as { publishedList: { nodes: { subject: { uscc: string } }[] } }).publishedList.nodes[0]
    .subject.uscc;
  await runSql(
    databaseUrl(),
    `alter table subjects.audit_event add constraint status_codes_block check (request_id not like 'status-503-%') not valid`,
  );
  await runSql(
    databaseUrl(),
    `alter table sanctions.list_entry add constraint status_codes_broken check (decision_no not like '状态码测试%') not valid`,
  );
});

afterAll(async () => {
  await runSql(databaseUrl(), 'alter table subjects.audit_event drop constraint if exists status_codes_block');
  await runSql(databaseUrl(), 'alter table sanctions.list_entry drop constraint if exists status_codes_broken');
  await production?.stop();
});

describe('HTTP status of faults of ours (服务端故障的状态码)', () => {
  it.each([
    ['development', () => gatewayUrl()],
    ['production', () => production.url],
  ])('audit log unavailable: an audited query is 503 with Retry-After, withheld whole (%s)', async (mode, base) => {
    const headers = { ...(await as('hall')), 'x-request-id': `status-503-${randomUUID()}` };
    const started = performance.now();
    const answer = await post(base(), HALL_PROFILE, { uscc, scenario: 'BIDDING' }, headers);
    process.stdout.write(
      `audit unavailable (${mode}): HTTP ${answer.status}, retry-after ${answer.retryAfter}, ${Math.round(performance.now() - started)} ms\n`,
    );
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    // Development answers stacks by design; production answers neither stack nor the refused SQL.
    expect(JSON.stringify(mode === 'production' ? answer.body : answer.body.errors?.map((e) => e.message))).not.toMatch(
      LEAK,
    );
    // The same query under a request id the log accepts is answered: what failed was the log, not the query.
    const retried = await post(
      base(),
      HALL_PROFILE,
      { uscc, scenario: 'BIDDING' },
      { ...headers, 'x-request-id': `status-ok-${randomUUID()}` },
    );
    expect(retried.status).toBe(200);
    expect(retried.body.errors).toBeUndefined();
  });

  it('a client mistake stays a 4xx with no Retry-After', async () => {
    const answer = await post(production.url, 'query { subject(uscc: 12) { id } }', {}, await as('hall'));
    expect(answer.status).toBe(400);
    expect(answer.retryAfter).toBeNull();
  });

  it('a statement the database refuses: 500, no SQL, address or stack in production', async () => {
    const mutation = 'mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id } }';
    const input = {
      uscc,
      list: 'WATCH',
      reason: '测试事由',
      basis: '《测试办法》第一条',
      decisionNo: `状态码测试〔2026〕${randomUUID().slice(0, 8)}号`,
      decidedAt: '2026-10-01',
    };
    const answer = await post(production.url, mutation, { input }, await as('department'));
    process.stdout.write(`refused statement (production): HTTP ${answer.status} ${JSON.stringify(answer.body)}\n`);
    expect(answer.status).toBe(500);
    expect(answer.retryAfter).toBeNull();
    expect(answer.body.data).toEqual({ proposeListEntry: null });
    expect(answer.body.errors).toEqual([
      { message: 'Internal server error', path: ['proposeListEntry'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(LEAK);
  });
});
