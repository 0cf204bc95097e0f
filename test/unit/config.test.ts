import { booleanEnv, ConfigError, portEnv, requireEnv } from '../../shared/config/env';
import { loadSubgraphConfig } from '../../shared/http/subgraph-server';
import { loadConfig as loadGatewayConfig } from '../../gateway/config';

describe('configuration', () => {
  it('throws on a missing required variable, naming it', () => {
    expect(() => requireEnv('DATABASE_URL', {})).toThrow(new ConfigError('environment variable DATABASE_URL is required'));
    expect(() => loadSubgraphConfig('subjects', {})).toThrow(/DATABASE_URL/);
  });

  it('needs exactly one way to verify tokens and an internal key of 32 bytes or more', () => {
    const key = 'k'.repeat(32);
    expect(() => loadGatewayConfig({ INTERNAL_SIGNING_KEY: key })).toThrow(/AUTH_JWKS_URL/);
    expect(() => loadGatewayConfig({ INTERNAL_SIGNING_KEY: key, AUTH_JWT_SECRET: 's', AUTH_JWKS_URL: 'https://idp/jwks' })).toThrow(/exactly one/);
    expect(() => loadGatewayConfig({ AUTH_JWT_SECRET: 's' })).toThrow(/INTERNAL_SIGNING_KEY/);
    expect(() => loadGatewayConfig({ AUTH_JWT_SECRET: 's', INTERNAL_SIGNING_KEY: 'short' })).toThrow(/32 bytes/);
    expect(loadGatewayConfig({ AUTH_JWKS_URL: 'https://idp/jwks', INTERNAL_SIGNING_KEY: key }).auth.keys).toEqual({ kind: 'jwks', url: 'https://idp/jwks' });
  });

  it('rejects malformed ports and booleans', () => {
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '40a0' })).toThrow(/GATEWAY_PORT/);
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
    expect(() => booleanEnv('DEMO_DATA', false, { DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
  });

  it('reads each subgraph’s port and the gateway’s subgraph URLs from the environment', () => {
    const key = 'k'.repeat(32);
    expect(loadSubgraphConfig('sanctions', { DATABASE_URL: 'postgres://x', SANCTIONS_PORT: '5002', DEMO_DATA: 'true', INTERNAL_SIGNING_KEY: key })).toEqual({
      port: 5002,
      host: '127.0.0.1',
      databaseUrl: 'postgres://x',
      demoData: true,
      internalKey: new TextEncoder().encode(key),
    });
    const gateway = loadGatewayConfig({ REPAIRS_URL: 'http://repairs:4004/graphql', AUTH_JWT_SECRET: 's', INTERNAL_SIGNING_KEY: key });
    expect(gateway.port).toBe(4000);
    expect(gateway.subgraphUrls).toEqual({ repairs: 'http://repairs:4004/graphql' });
  });
});
