import { decodeJwt } from 'jose';
import { scopesOf } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { IngestError } from '../files/errors';
import type { SendOperation } from '../gateway-client';

/** Who uploads, as the gateway verified it, and the request id the gateway gave the upload. */
export interface Uploader {
  principal: Principal;
  requestId: string;
}

export type Identify = (authorization: string | undefined, requestId: string | undefined) => Promise<Uploader>;

/**
 * Asks the gateway who is calling before the upload is read: `{ __typename }` as the caller, which the gateway
 * answers only after verifying the token (401), the department (403) and x-request-id (400) — the ingest holds
 * no keys. The token it accepted is then read for its roles, scopes and org.
 */
export function identifyThrough(send: SendOperation): Identify {
  return async (authorization, requestId) => {
    const answer = await send(
      '{ __typename }',
      {},
      { authorization: authorization ?? null, requestId, purpose: 'file ingest' },
    );
    if (answer.status !== 200 || answer.errors.length > 0) {
      const error = answer.errors[0];
      const { http: _http, ...extensions } = error?.extensions ?? {};
      const status = answer.status === 400 || answer.status === 403 ? answer.status : 401;
      throw new IngestError(
        status,
        String(extensions.code ?? 'UNAUTHENTICATED'),
        error?.message ?? 'invalid token',
        extensions,
      );
    }
    if (!answer.requestId) throw new Error('the gateway answered without x-request-id');
    return {
      principal: authorization ? verifiedPrincipal(authorization) : PUBLIC_PRINCIPAL,
      requestId: answer.requestId,
    };
  };
}

/** The claims of a token the gateway has just accepted (it checked their shape too). */
function verifiedPrincipal(authorization: string): Principal {
  const claims = decodeJwt(authorization.trim().replace(/^Bearer\s+/i, ''));
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is string => typeof role === 'string')
    : [];
  const org = typeof claims.org === 'string' && claims.org !== '' ? claims.org : null;
  const sub = String(claims.sub);
  return {
    sub,
    name: typeof claims.name === 'string' ? claims.name : sub,
    org,
    roles,
    scopes: scopesOf(roles, typeof claims.scope === 'string' ? claims.scope : undefined),
    authenticated: true,
  };
}
