import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { isArrivalChannel } from '../domain/submission-channel';
import type { Principal } from './principal';
import type { SelfIdentity } from './self';

/**
 * Gateway → subgraph trust: the gateway forwards the verified principal as a
 * short-lived token addressed to one subgraph (audience), so a token taken from
 * one subgraph's traffic is refused by another and nobody reaches the data by
 * calling a subgraph directly. The token is signed with an Ed25519 key only the
 * gateway holds (INTERNAL_PRIVATE_KEY); the subgraphs hold the public half
 * (INTERNAL_PUBLIC_KEY), so a compromised subgraph cannot mint principals for
 * the others.
 */
export const INTERNAL_TOKEN_HEADER = 'x-gusu-principal';
const ISSUER = 'gusu-credit-gateway';
const ALGORITHM = 'EdDSA';
const TTL_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

/** PEM text as an environment variable carries it (a `\n` escape counts as a line break, for one-line .env files). */
function pem(text: string): string {
  return text.replace(/\\n/g, '\n').trim();
}

function ed25519(key: KeyObject, variable: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${variable} must be an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
  return key;
}

/** The gateway's signing key (PKCS#8 PEM). */
export function internalPrivateKey(text: string): KeyObject {
  try {
    return ed25519(createPrivateKey(pem(text)), 'INTERNAL_PRIVATE_KEY');
  } catch (error) {
    throw new Error(`INTERNAL_PRIVATE_KEY is not a PEM private key: ${(error as Error).message}`, { cause: error });
  }
}

/** The subgraphs' verification key (SPKI PEM). A private key is refused: a subgraph must never hold one. */
export function internalPublicKey(text: string): KeyObject {
  if (/PRIVATE KEY/.test(text))
    throw new Error('INTERNAL_PUBLIC_KEY holds a private key: give the subgraphs the public key only');
  try {
    return ed25519(createPublicKey(pem(text)), 'INTERNAL_PUBLIC_KEY');
  } catch (error) {
    throw new Error(`INTERNAL_PUBLIC_KEY is not a PEM public key: ${(error as Error).message}`, { cause: error });
  }
}

export interface InternalKeyPair {
  privateKey: string;
  publicKey: string;
}

/** A fresh pair, PEM-encoded (npm start, the tests, the benchmarks). */
export function generateInternalKeyPair(): InternalKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export async function signInternalToken(principal: Principal, audience: string, key: KeyObject): Promise<string> {
  return new SignJWT({
    name: principal.name,
    org: principal.org,
    roles: principal.roles,
    scopes: principal.scopes,
    authenticated: principal.authenticated,
    ...(principal.channel ? { channel: principal.channel } : {}),
    ...(principal.self ? { self: { ...principal.self } } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(principal.sub)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key);
}

/** The subject a token names: exactly one of its codes, a string; anything else names none. */
function selfOf(value: unknown): SelfIdentity | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { uscc, idNumber, subjectId } = value as Record<string, unknown>;
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const self = { uscc: text(uscc), idNumber: text(idNumber), subjectId: text(subjectId) };
  return (self.uscc === null) !== (self.idNumber === null) ? self : undefined;
}

/** The principal in a valid token for this audience; throws on anything else. */
export async function verifyInternalToken(token: string, audience: string, key: KeyObject): Promise<Principal> {
  // A few seconds of skew between the gateway's clock and this host's, or a fresh token reads as issued in the future.
  const { payload } = await jwtVerify(token, key, {
    issuer: ISSUER,
    audience,
    algorithms: [ALGORITHM],
    maxTokenAge: `${TTL_SECONDS}s`,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const self = selfOf(payload.self);
  return {
    sub: payload.sub ?? 'anonymous',
    name: typeof payload.name === 'string' ? payload.name : '',
    org: typeof payload.org === 'string' ? payload.org : null,
    roles: strings(payload.roles),
    scopes: strings(payload.scopes),
    authenticated: payload.authenticated === true,
    ...(isArrivalChannel(payload.channel) ? { channel: payload.channel } : {}),
    ...(self ? { self } : {}),
  };
}
