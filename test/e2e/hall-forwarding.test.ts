import { gatewayUrl, graphql } from '../support/gateway';
import { OwnSystem, startOwnSystem } from '../support/own-system';

/**
 * One address for users: the gateway's public port answers the pages' paths by forwarding them to the hall
 * process, and everything else itself. The hall down costs the pages, never /graphql.
 */
jest.setTimeout(180_000);

describe('the gateway forwards the pages to the hall', () => {
  it('answers a download without a token from the hall (its own 401 and message), through the gateway', async () => {
    const response = await fetch(`${gatewayUrl()}/documents/credit-reports/GSXY-2026-000001.pdf`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toContain('请先登录');
  });

  it('refuses a file name that is not a report number before asking anyone', async () => {
    const response = await fetch(`${gatewayUrl()}/documents/credit-reports/..%2F..%2Fetc%2Fpasswd`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("keeps its own paths: /graphql and /health/ready are the gateway's, not forwarded", async () => {
    const health = (await (await fetch(`${gatewayUrl()}/health/ready`)).json()) as { checks: Record<string, string> };
    expect(health.checks.supergraph).toBe('loaded');
    const answer = await graphql('{ __typename }');
    expect(answer.data).toEqual({ __typename: 'Query' });
  });

  it('does not forward a path that only begins like a page path', async () => {
    // /hallway is not /hall: the gateway's own 404, not the hall's.
    const response = await fetch(`${gatewayUrl()}/hallway`);
    expect(response.status).toBe(404);
  });
});

describe('the hall down', () => {
  let own: OwnSystem | undefined;

  beforeAll(async () => {
    own = await startOwnSystem('hall-down');
  });

  afterAll(async () => {
    await own?.stop();
  });

  it('answers the pages 503 in Chinese without an address, keeps /graphql, and recovers when the hall is back', async () => {
    const system = own!.system;
    await system.kill('hall');
    const down = await fetch(`${system.gatewayUrl}/documents/credit-reports/GSXY-2026-000001.pdf`);
    expect(down.status).toBe(503);
    const text = await down.text();
    expect(text).toContain('窗口服务暂不可用');
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
    const graphqlAnswer = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphqlAnswer.status).toBe(200);
    await system.restart('hall');
    const back = await fetch(`${system.gatewayUrl}/documents/credit-reports/GSXY-2026-000001.pdf`);
    expect(back.status).toBe(401);
  });
});
