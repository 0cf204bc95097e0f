import { ConfigError, durationEnv, optionalEnv, portEnv } from '../shared/config/env';

/** The development identity provider's port (DEV_IDP_PORT): browser-facing, beside the gateway's 4000. */
export const DEFAULT_DEV_IDP_PORT = 4007;
/** The resource (RFC 8707) its access tokens are for: their `aud`, and the gateway's AUTH_AUDIENCE. */
export const DEFAULT_GATEWAY_RESOURCE = 'urn:gusu:credit-gateway';
export const DEFAULT_HALL_CLIENT_ID = 'gusu-hall';

export interface DevIdentityConfig {
  port: number;
  /** Loopback only: the provider signs anyone in who asks, so it is never reachable from another machine. */
  host: string;
  /** DEV_IDP_ISSUER, or null: http://localhost:<bound port>, known once it listens. */
  issuer: string | null;
  /** The hall's public address: its /auth/callback and /hall are the client's redirect URIs (any loopback port, RFC 8252 §7.3). */
  hallUrl: string;
  clientId: string;
  /** Set: a confidential client (client_secret_basic); unset: a public one. PKCE either way. */
  clientSecret: string | null;
  resource: string;
  accessTokenTtlSeconds: number;
  /** A PKCS#8 PEM EC P-256 key to sign with; unset: a fresh key per start. */
  signingKeyFile: string | null;
}

/** Thrown, and the process exits non-zero, whenever NODE_ENV=production: signing in is choosing a name here. */
export function refuseProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'the development identity provider refuses to run with NODE_ENV=production: anyone can sign in as anyone here. ' +
        "Production signs in with the district's identity provider (OIDC_ISSUER for the hall, AUTH_JWKS_URL for the gateway; docs/SIGN-IN.md).",
    );
  }
}

export function loadDevIdentityConfig(env: NodeJS.ProcessEnv = process.env): DevIdentityConfig {
  refuseProduction(env);
  const accessTokenTtlSeconds = durationEnv('DEV_IDP_TOKEN_TTL', '1h', env);
  if (accessTokenTtlSeconds <= 0) throw new ConfigError('environment variable DEV_IDP_TOKEN_TTL must be positive');
  const maxAge = durationEnv('AUTH_MAX_TOKEN_AGE', '12h', env);
  // The gateway refuses a token valid for longer than AUTH_MAX_TOKEN_AGE.
  if (accessTokenTtlSeconds > maxAge)
    throw new ConfigError(
      `DEV_IDP_TOKEN_TTL (${accessTokenTtlSeconds} s) must not exceed AUTH_MAX_TOKEN_AGE (${maxAge} s)`,
    );
  const host = optionalEnv('DEV_IDP_HOST', '127.0.0.1', env);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new ConfigError(`environment variable DEV_IDP_HOST must be a loopback address, got '${host}'`);
  return {
    port: portEnv('DEV_IDP_PORT', DEFAULT_DEV_IDP_PORT, env),
    host,
    issuer: env.DEV_IDP_ISSUER?.trim().replace(/\/+$/, '') || null,
    hallUrl: optionalEnv('DEV_IDP_HALL_URL', 'http://localhost:4000', env).replace(/\/+$/, ''),
    clientId: optionalEnv('DEV_IDP_CLIENT_ID', DEFAULT_HALL_CLIENT_ID, env),
    clientSecret: env.DEV_IDP_CLIENT_SECRET?.trim() || null,
    resource: optionalEnv('DEV_IDP_RESOURCE', DEFAULT_GATEWAY_RESOURCE, env),
    accessTokenTtlSeconds,
    signingKeyFile: env.DEV_IDP_SIGNING_KEY_FILE?.trim() || null,
  };
}
