import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InProcessGateway, startInProcessGateway } from '../support/in-process-gateway';
import { as } from '../support/tokens';

/**
 * A second gateway, composed in-process over the running subgraphs, with the
 * production switches on: reject unauthorized operations whole, introspection
 * and GraphiQL only for authenticated callers.
 */
let gateway: InProcessGateway;
let url: string;

beforeAll(async () => {
  gateway = await startInProcessGateway({
    NODE_ENV: 'production',
    AUTHZ_REJECT_UNAUTHORIZED: 'true',
    GATEWAY_PORT: '0',
  });
  url = gateway.url;
});

afterAll(() => gateway.stop());

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { path?: string[]; extensions?: { code?: string } }[];
  };
}

describe('gateway switches', () => {
  it('rejects a whole operation that asks for anything unauthorized', async () => {
    const hallProfile = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
    const result = await post(hallProfile, { uscc: '9144030071526726XG', scenario: 'BIDDING' });
    expect(result.data ?? null).toBeNull();
    expect(result.errors!.length).toBe(7);
    expect(result.errors!.every((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')).toBe(true);
    const allowed = await post(hallProfile, { uscc: '9144030071526726XG', scenario: 'BIDDING' }, await as('hall'));
    expect(allowed.errors).toBeUndefined();
  });

  it('answers introspection in production only to authenticated callers, and serves no GraphiQL', async () => {
    const anonymous = await post('{ __schema { queryType { name } } }', {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hall = await post('{ __schema { queryType { name } } }', {}, await as('hall'));
    expect(hall.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await fetch(`${url}/graphiql`)).status).toBe(404);
  });
});
