import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { scopesOf } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

/**
 * Who is calling: `Authorization: Bearer <JWT>` verified against the configured
 * keys. No header = the public; a malformed, forged, expired or wrongly signed
 * token is UNAUTHENTICATED (HTTP 401), never a silent downgrade to public.
 */
export type KeySource =
  | { kind: 'jwks'; url: string }
  | { kind: 'public-key-file'; path: string }
  | { kind: 'dev-secret'; secret: string };

export interface IdentityOptions {
  keys: KeySource;
  issuer?: string;
  audience?: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

function verifier(keys: KeySource): { key: KeyObject | Uint8Array | JWTVerifyGetKey; algorithms: string[] } {
  switch (keys.kind) {
    case 'jwks':
      return { key: createRemoteJWKSet(new URL(keys.url)), algorithms: ['RS256', 'ES256'] };
    case 'public-key-file':
      return { key: createPublicKey(readFileSync(keys.path)), algorithms: ['RS256', 'ES256'] };
    case 'dev-secret':
      return { key: new TextEncoder().encode(keys.secret), algorithms: ['HS256'] };
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('token has no subject (sub)');
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw unauthenticated('token claim roles must be an array of strings');
  if (payload.scope !== undefined && typeof payload.scope !== 'string') throw unauthenticated('token claim scope must be a space-separated string');
  return {
    sub: payload.sub,
    name: typeof payload.name === 'string' ? payload.name : payload.sub,
    org: typeof payload.org === 'string' ? payload.org : null,
    roles: roles as string[],
    scopes: scopesOf(roles as string[], payload.scope as string | undefined),
    authenticated: true,
  };
}

export function createAuthenticator(options: IdentityOptions): Authenticate {
  const { key, algorithms } = verifier(options.keys);
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return PUBLIC_PRINCIPAL;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated("Authorization must be 'Bearer <token>'");
    try {
      const { payload } = await jwtVerify(match[1], key as Uint8Array, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp'],
      });
      return principalFrom(payload);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('token expired');
      throw unauthenticated('invalid token');
    }
  };
}
