import { generateKeyPairSync } from 'node:crypto';
import { loadConfig as loadGatewayConfig } from '../../gateway/config';
import { generateInternalKeyPair } from '../../shared/auth/internal-token';
import { booleanEnv, ConfigError, portEnv, requireEnv } from '../../shared/config/env';
import { loadSubgraphConfig } from '../../shared/http/subgraph-server';

describe('configuration', () => {
  it('throws on a missing required variable, naming it', () => {
    expect(() => requireEnv('DATABASE_URL', {})).toThrow(
      new ConfigError('environment variable DATABASE_URL is required'),
    );
    expect(() => loadSubgraphConfig('subjects', {})).toThrow(/DATABASE_URL/);
  });

  it('needs a way to verify tokens and an Ed25519 internal private key; a subgraph takes only the public half', () => {
    const { privateKey: key, publicKey } = generateInternalKeyPair();
    expect(() => loadGatewayConfig({ INTERNAL_PRIVATE_KEY: key })).toThrow(/AUTH_JWKS_URL/);
    expect(() =>
      loadGatewayConfig({
        INTERNAL_PRIVATE_KEY: key,
        AUTH_PUBLIC_KEY_FILE: '/k.pem',
        AUTH_JWKS_URL: 'https://idp/jwks',
      }),
    ).toThrow(/at most one/);
    // The development secret beside the identity provider's keys: people sign in, scripts keep their tokens.
    expect(
      loadGatewayConfig({ INTERNAL_PRIVATE_KEY: key, AUTH_JWT_SECRET: 's', AUTH_JWKS_URL: 'https://idp/jwks' }).auth
        .keys,
    ).toEqual({ asymmetric: { kind: 'jwks', url: 'https://idp/jwks' }, devSecret: 's' });
    expect(() => loadGatewayConfig({ AUTH_JWT_SECRET: 's' })).toThrow(/INTERNAL_PRIVATE_KEY/);
    expect(() => loadGatewayConfig({ AUTH_JWT_SECRET: 's', INTERNAL_PRIVATE_KEY: 'k'.repeat(64) })).toThrow(
      /not a PEM private key/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadGatewayConfig({ AUTH_JWT_SECRET: 's', INTERNAL_PRIVATE_KEY: rsa })).toThrow(/Ed25519/);
    expect(() => loadSubgraphConfig('subjects', { DATABASE_URL: 'postgres://x', INTERNAL_PUBLIC_KEY: key })).toThrow(
      /public key only/,
    );
    expect(
      loadSubgraphConfig('subjects', {
        DATABASE_URL: 'postgres://x',
        INTERNAL_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n'),
      }).internalKey.asymmetricKeyType,
    ).toBe('ed25519');
    expect(loadGatewayConfig({ AUTH_JWKS_URL: 'https://idp/jwks', INTERNAL_PRIVATE_KEY: key }).auth.keys).toEqual({
      asymmetric: { kind: 'jwks', url: 'https://idp/jwks' },
    });
  });

  it('serves the gateway metrics on a listener of their own: loopback and 9464 by default, never the public port', () => {
    const { privateKey: key } = generateInternalKeyPair();
    const base = { AUTH_JWT_SECRET: 's', INTERNAL_PRIVATE_KEY: key };
    expect(loadGatewayConfig(base).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadGatewayConfig({ ...base, GATEWAY_METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9100,
      host: '0.0.0.0',
    });
    expect(() => loadGatewayConfig({ ...base, GATEWAY_PORT: '8080', GATEWAY_METRICS_PORT: '8080' })).toThrow(
      /GATEWAY_METRICS_PORT must differ/,
    );
    expect(() => loadGatewayConfig({ ...base, GATEWAY_METRICS_PORT: 'x' })).toThrow(/GATEWAY_METRICS_PORT/);
  });

  it('rejects malformed ports and booleans', () => {
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '40a0' })).toThrow(/GATEWAY_PORT/);
    expect(() => portEnv('GATEWAY_PORT', 4000, { GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
    expect(() => booleanEnv('DEMO_DATA', false, { DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
  });

  it('reads each subgraph’s port and the gateway’s subgraph URLs from the environment', () => {
    const { privateKey, publicKey } = generateInternalKeyPair();
    const subgraph = loadSubgraphConfig('sanctions', {
      DATABASE_URL: 'postgres://x',
      SANCTIONS_PORT: '5002',
      DEMO_DATA: 'true',
      INTERNAL_PUBLIC_KEY: publicKey,
    });
    expect({ ...subgraph, internalKey: subgraph.internalKey.type }).toEqual({
      port: 5002,
      host: '127.0.0.1',
      databaseUrl: 'postgres://x',
      demoData: true,
      internalKey: 'public',
    });
    const gateway = loadGatewayConfig({
      REPAIRS_URL: 'http://repairs:4004/graphql',
      AUTH_JWT_SECRET: 's',
      INTERNAL_PRIVATE_KEY: privateKey,
    });
    expect(gateway.port).toBe(4000);
    expect(gateway.subgraphUrls).toEqual({ repairs: 'http://repairs:4004/graphql' });
  });
});
