import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Principal } from './principal';

/**
 * Gateway → subgraph trust: the gateway forwards the verified principal as a
 * short-lived token signed with INTERNAL_SIGNING_KEY, addressed to one subgraph
 * (audience), so a token taken from one subgraph's traffic is refused by another
 * and nobody reaches the data by calling a subgraph directly.
 */
export const INTERNAL_TOKEN_HEADER = 'x-gusu-principal';
const ISSUER = 'gusu-credit-gateway';
const TTL_SECONDS = 60;
const MIN_KEY_BYTES = 32;

export function internalKey(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.length < MIN_KEY_BYTES) throw new Error(`INTERNAL_SIGNING_KEY must have at least ${MIN_KEY_BYTES} bytes`);
  return key;
}

export async function signInternalToken(principal: Principal, audience: string, key: Uint8Array): Promise<string> {
  return new SignJWT({ name: principal.name, org: principal.org, roles: principal.roles, scopes: principal.scopes, authenticated: principal.authenticated })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.sub)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key);
}

/** The principal in a valid token for this audience; throws on anything else. */
export async function verifyInternalToken(token: string, audience: string, key: Uint8Array): Promise<Principal> {
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: ['HS256'], maxTokenAge: `${TTL_SECONDS}s` });
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    sub: payload.sub ?? 'anonymous',
    name: typeof payload.name === 'string' ? payload.name : '',
    org: typeof payload.org === 'string' ? payload.org : null,
    roles: strings(payload.roles),
    scopes: strings(payload.scopes),
    authenticated: payload.authenticated === true,
  };
}
