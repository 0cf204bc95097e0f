import { createHash, randomBytes } from 'node:crypto';
import { ConfigError, durationEnv, optionalEnv } from '../../shared/config/env';

/** The resource (RFC 8707) the hall asks access tokens for: the gateway (its AUTH_AUDIENCE). */
export const DEFAULT_OIDC_RESOURCE = 'urn:gusu:credit-gateway';
const MIN_SECRET_LENGTH = 32;

/** How the hall signs people in with the district's identity provider (OpenID Connect, authorization code + PKCE). */
export interface SignInConfig {
  /** OIDC_ISSUER: discovered at the first sign-in (/.well-known/openid-configuration); null = sign-in is off (development without a provider). */
  issuer: string | null;
  clientId: string;
  /** OIDC_CLIENT_SECRET: a confidential client (client_secret_basic); unset: a public client (PKCE alone). */
  clientSecret: string | null;
  /** OIDC_RESOURCE: the `resource` of the authorization and token requests; empty = none sent (a provider without RFC 8707). */
  resource: string | null;
  /** OIDC_SCOPE: what the authorization request asks for. */
  scope: string;
  /** PUBLIC_URL: the address users reach the hall at (the gateway's public port); null in development = the request's Host, over http. */
  publicUrl: string | null;
  /** 32 bytes from HALL_SESSION_SECRET (A256GCM): the session and login cookies are encrypted and authenticated with it. */
  sessionKey: Uint8Array;
  /** HALL_SESSION_IDLE: a session unused this long is over, even while its access token is still valid. */
  idleSeconds: number;
  /** An http:// issuer is refused in production; allowed (and needed) for the development provider. */
  allowInsecureIssuer: boolean;
}

function absoluteUrl(name: string, value: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`environment variable ${name} must be an absolute URL, got '${value}'`);
  }
  if (production && url.protocol !== 'https:')
    throw new ConfigError(`environment variable ${name} must be an https:// URL in production`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`environment variable ${name} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

/** Production: the session key is configured (every hall instance shares it, restarts keep sessions); development: a fresh one per start. */
function sessionKey(env: NodeJS.ProcessEnv, production: boolean): Uint8Array {
  const secret = env.HALL_SESSION_SECRET?.trim();
  if (!secret) {
    if (production)
      throw new ConfigError(
        'environment variable HALL_SESSION_SECRET is required in production (at least 32 characters)',
      );
    return new Uint8Array(randomBytes(32));
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new ConfigError(`environment variable HALL_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return sessionKeyOf(secret);
}

/** The A256GCM key of a HALL_SESSION_SECRET. */
export function sessionKeyOf(secret: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`gusu-hall-session\0${secret}`).digest());
}

export function loadSignInConfig(env: NodeJS.ProcessEnv, production: boolean): SignInConfig {
  const issuerValue = env.OIDC_ISSUER?.trim();
  if (production && !issuerValue)
    throw new ConfigError(
      'environment variable OIDC_ISSUER is required in production (the district identity provider)',
    );
  const clientId = optionalEnv('OIDC_CLIENT_ID', '', env);
  if (issuerValue && !clientId)
    throw new ConfigError('environment variable OIDC_CLIENT_ID is required with OIDC_ISSUER');
  const publicUrl = env.PUBLIC_URL?.trim();
  if (production && !publicUrl)
    throw new ConfigError(
      'environment variable PUBLIC_URL is required in production (where users reach the hall, e.g. https://credit.gusu.gov.cn)',
    );
  const idleSeconds = durationEnv('HALL_SESSION_IDLE', '30m', env);
  if (idleSeconds <= 0) throw new ConfigError('environment variable HALL_SESSION_IDLE must be positive');
  const resource = env.OIDC_RESOURCE === undefined ? DEFAULT_OIDC_RESOURCE : env.OIDC_RESOURCE.trim();
  return {
    issuer: issuerValue ? absoluteUrl('OIDC_ISSUER', issuerValue, production) : null,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
    resource: resource || null,
    scope: optionalEnv('OIDC_SCOPE', 'openid profile', env),
    publicUrl: publicUrl ? absoluteUrl('PUBLIC_URL', publicUrl, production) : null,
    sessionKey: sessionKey(env, production),
    idleSeconds,
    allowInsecureIssuer: !production,
  };
}
