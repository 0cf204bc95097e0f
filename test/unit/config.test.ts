import { booleanEnv, ConfigError, portEnv, requireEnv } from '../../shared/config/env';
import { loadSubgraphConfig } from '../../shared/http/subgraph-server';
import { loadConfig as loadGatewayConfig } from '../../gateway/config';

describe('configuration', () => {
  it('throws on a missing required variable, naming it', () => {
    expect(() => requireEnv('DATABASE_URL', {})).toThrow(new ConfigError('environment variable DATABASE_URL is required'));
    expect(() => loadSubgraphConfig('subjects', {})).toThrow(/DATABASE_URL/);
  });

  it('rejects malformed ports and booleans', () => {
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '40a0' })).toThrow(/GATEWAY_PORT/);
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
    expect(() => booleanEnv('DEMO_DATA', false, { DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
  });

  it('reads each subgraph’s port and the gateway’s subgraph URLs from the environment', () => {
    expect(loadSubgraphConfig('sanctions', { DATABASE_URL: 'postgres://x', SANCTIONS_PORT: '5002', DEMO_DATA: 'true' })).toEqual({
      port: 5002,
      host: '127.0.0.1',
      databaseUrl: 'postgres://x',
      demoData: true,
    });
    const gateway = loadGatewayConfig({ REPAIRS_URL: 'http://repairs:4004/graphql' });
    expect(gateway.port).toBe(4000);
    expect(gateway.subgraphUrls).toEqual({ repairs: 'http://repairs:4004/graphql' });
  });
});
