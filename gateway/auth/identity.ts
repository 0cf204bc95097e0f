import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  JWTPayload,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { isRole, ROLES_WITH_ORG, scopesOf } from '../../shared/auth/policy';
import { GATEWAY_SERVICE_SUB, Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { hasControlCharacters } from '../../shared/text/control-characters';
import type { DepartmentDirectory } from './department-directory';
import { subjectOfToken } from './subject-claims';
import type { SubjectLookup } from './subject-lookup';
import { credentialChannel, TokenOrigin } from './submission-channel';

/** A production identity provider's keys: RS256/ES256, checked against AUTH_ISSUER and AUTH_AUDIENCE. */
export type AsymmetricKeySource = { kind: 'jwks'; url: string } | { kind: 'public-key-file'; path: string };

/**
 * The keys tokens may be signed with: the identity provider's, a development
 * HS256 secret (AUTH_JWT_SECRET: `npm run token`, scripts, terminals under test),
 * or both. A token's `alg` header picks one; HS256 is verified with the secret
 * only, never with a public key (algorithm confusion).
 */
export interface KeySources {
  asymmetric?: AsymmetricKeySource;
  devSecret?: string;
}

export interface TokenLifetime {
  /** The longest a token may be valid for (exp − iat, and exp − now): AUTH_MAX_TOKEN_AGE. */
  maxAgeSeconds: number;
  /** Allowance for clocks that differ, on iat, nbf and exp: AUTH_CLOCK_SKEW. */
  clockSkewSeconds: number;
}

export const DEFAULT_TOKEN_LIFETIME: TokenLifetime = { maxAgeSeconds: 12 * 3600, clockSkewSeconds: 60 };

export interface IdentityOptions {
  keys: KeySources;
  /** Expected `iss` and `aud` of the identity provider's tokens (development tokens carry neither). */
  issuer?: string;
  audience?: string;
  lifetime?: TokenLifetime;
  /** Where a token's org is looked up; without one (tools, benchmarks) orgs are not checked. */
  directory?: DepartmentDirectory;
  /**
   * The identity provider's clients people sign in through (AUTH_SESSION_CLIENTS: the hall, whose session
   * GraphiQL borrows): a provider token issued to one of them for a user is a person's (MANUAL); every
   * other token is a system's (INTERFACE). None: every token is a system's.
   */
  sessionClients?: readonly string[];
  /** Where a subject token's subject is looked up (its platform id); without one (tools, benchmarks) the id stays unknown (null). */
  subjects?: SubjectLookup;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

/** Bounds on what a token's claims may hold: they end up in the audit log and in SQL parameters. */
const MAX_CLAIM_LENGTH = { sub: 128, name: 100, org: 32, role: 32, roles: 10, scope: 1000 } as const;
const ORG_CODE = /^[a-z0-9][a-z0-9._-]*$/;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', claim: 'org', http: { status: 403 } } });
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'];
const DEV_ALGORITHM = 'HS256';

type VerifyToken = (token: string) => Promise<{ payload: JWTPayload; origin: TokenOrigin }>;

function asymmetricKey(source: AsymmetricKeySource): KeyObject | JWTVerifyGetKey {
  return source.kind === 'jwks' ? createRemoteJWKSet(new URL(source.url)) : createPublicKey(readFileSync(source.path));
}

/** One verifier per configured key; the token's `alg` header says which one may try it, and nothing else does. */
function tokenVerifier(options: IdentityOptions, clockTolerance: number): VerifyToken {
  const { asymmetric, devSecret } = options.keys;
  if (!asymmetric && !devSecret) throw new Error('no key to verify tokens with');
  const providerKey = asymmetric ? asymmetricKey(asymmetric) : null;
  const secret = devSecret ? new TextEncoder().encode(devSecret) : null;
  return async (token) => {
    const { alg } = decodeProtectedHeader(token);
    if (alg === DEV_ALGORITHM && secret) {
      const { payload } = await jwtVerify(token, secret, {
        algorithms: [DEV_ALGORITHM],
        requiredClaims: ['exp'],
        clockTolerance,
      });
      return { payload, origin: 'development' };
    }
    if (typeof alg === 'string' && ASYMMETRIC_ALGORITHMS.includes(alg) && providerKey) {
      const verifyOptions = {
        algorithms: ASYMMETRIC_ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp'],
        clockTolerance,
      };
      const { payload } = await (providerKey instanceof KeyObject
        ? jwtVerify(token, providerKey, verifyOptions)
        : jwtVerify(token, providerKey, verifyOptions));
      return { payload, origin: 'provider' };
    }
    throw unauthenticated(`invalid token: ${typeof alg === 'string' ? alg : 'no'} signatures are not accepted`);
  };
}

function boundedText(claim: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value === '')
    throw unauthenticated(`token claim ${claim} must be a non-empty string`);
  if (value.length > max || hasControlCharacters(value))
    throw unauthenticated(`token claim ${claim} must be at most ${max} characters without control characters`);
  return value;
}

/** jose checks exp and nbf (with the skew); these are the bounds it does not know. */
function checkLifetime(payload: JWTPayload, lifetime: TokenLifetime): void {
  const now = Math.floor(Date.now() / 1000);
  const { maxAgeSeconds, clockSkewSeconds } = lifetime;
  if (typeof payload.iat === 'number' && payload.iat > now + clockSkewSeconds)
    throw unauthenticated('token issued in the future (iat)');
  const from = typeof payload.iat === 'number' ? payload.iat : now;
  if (
    typeof payload.exp === 'number' &&
    (payload.exp - from > maxAgeSeconds || payload.exp - now > maxAgeSeconds + clockSkewSeconds)
  ) {
    throw unauthenticated(`token valid for longer than ${maxAgeSeconds} s (AUTH_MAX_TOKEN_AGE)`);
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const sub = boundedText('sub', payload.sub, MAX_CLAIM_LENGTH.sub);
  if (sub === GATEWAY_SERVICE_SUB) throw unauthenticated('token claim sub names the gateway itself');
  const roles = payload.roles;
  if (
    !Array.isArray(roles) ||
    roles.length > MAX_CLAIM_LENGTH.roles ||
    !roles.every((r) => typeof r === 'string' && r.length <= MAX_CLAIM_LENGTH.role)
  ) {
    throw unauthenticated(`token claim roles must be an array of at most ${MAX_CLAIM_LENGTH.roles} short strings`);
  }
  if (
    payload.scope !== undefined &&
    (typeof payload.scope !== 'string' || payload.scope.length > MAX_CLAIM_LENGTH.scope)
  ) {
    throw unauthenticated('token claim scope must be a space-separated string');
  }
  // An empty org is no org (some identity providers send '' for users without a department).
  const org =
    payload.org === undefined || payload.org === null || payload.org === ''
      ? null
      : boundedText('org', payload.org, MAX_CLAIM_LENGTH.org);
  if (org !== null && !ORG_CODE.test(org))
    throw unauthenticated('token claim org must be a department code (e.g. gusu.scjgj)');
  const self = subjectOfToken(payload, roles as string[], org);
  return {
    sub,
    name: payload.name === undefined ? sub : boundedText('name', payload.name, MAX_CLAIM_LENGTH.name),
    org,
    roles: roles as string[],
    scopes: scopesOf(roles as string[], payload.scope as string | undefined),
    authenticated: true,
    ...(self ? { self } : {}),
  };
}

/** A department's token names a department of the directory; other tokens that name one, too. */
async function checkOrg(principal: Principal, directory: DepartmentDirectory): Promise<void> {
  const needsOrg = principal.roles.some((role) => isRole(role) && ROLES_WITH_ORG.includes(role));
  if (principal.org === null) {
    if (needsOrg) throw forbidden(`a ${principal.roles.join('/')} token must name its department (org)`);
    return;
  }
  if (!(await directory.has(principal.org)))
    throw forbidden(`org '${principal.org}' is not a department of the directory`);
}

/**
 * Who is calling: `Authorization: Bearer <JWT>` verified against the configured
 * keys (KeySources). No header = the public; a malformed, forged, expired, over-long-lived or
 * wrongly signed token is UNAUTHENTICATED (HTTP 401), never a silent downgrade to
 * public. A token that acts for a department must name one of the directory
 * (FORBIDDEN, HTTP 403, before anything is read).
 */
export function createAuthenticator(options: IdentityOptions): Authenticate {
  const lifetime = options.lifetime ?? DEFAULT_TOKEN_LIFETIME;
  const verify = tokenVerifier(options, lifetime.clockSkewSeconds);
  const sessionClients = options.sessionClients ?? [];
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return PUBLIC_PRINCIPAL;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated("Authorization must be 'Bearer <token>'");
    let principal: Principal;
    try {
      const { payload, origin } = await verify(match[1]);
      checkLifetime(payload, lifetime);
      principal = { ...principalFrom(payload), channel: credentialChannel(payload, origin, sessionClients) };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('token expired');
      throw unauthenticated('invalid token');
    }
    if (options.directory) await checkOrg(principal, options.directory);
    if (principal.self && options.subjects) {
      const subjectId = await options.subjects.idOf({ ...principal, self: principal.self });
      return { ...principal, self: { ...principal.self, subjectId } };
    }
    return principal;
  };
}
