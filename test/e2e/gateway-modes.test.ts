import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../gateway/config';
import { createGateway, GatewayServer } from '../../gateway/server';
import { SUBGRAPH_NAMES, urlVariable } from '../../shared/config/services';
import { createLogger } from '../../shared/logging/logger';
import { servicePort } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * A second gateway, composed in-process over the running subgraphs, with the
 * production switches on: reject unauthorized operations whole, introspection
 * and GraphiQL only for authenticated callers.
 */
let gateway: GatewayServer;
let server: Server;
let url: string;

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    AUTHZ_REJECT_UNAUTHORIZED: 'true',
    AUTH_JWT_SECRET: process.env.GUSU_JWT_SECRET,
    INTERNAL_SIGNING_KEY: process.env.GUSU_INTERNAL_KEY,
    GATEWAY_PORT: '0',
  };
  for (const name of SUBGRAPH_NAMES) env[urlVariable(name)] = `http://127.0.0.1:${servicePort(name)}/graphql`;
  gateway = await createGateway(loadConfig(env), createLogger('gateway-under-test'));
  server = await new Promise((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await gateway.apollo.stop();
});

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { path?: string[]; extensions?: { code?: string } }[] };
}

describe('gateway switches', () => {
  it('rejects a whole operation that asks for anything unauthorized', async () => {
    const hallProfile = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
    const result = await post(hallProfile, { uscc: '9144030071526726XG', scenario: 'BIDDING' });
    expect(result.data ?? null).toBeNull();
    expect(result.errors!.length).toBe(5);
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
