import { decodeJwt } from 'jose';
import type { HallUser } from './session';

/** Why a sign-in that the identity provider completed cannot become a session (said on the page, and logged). */
export class SignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRefused';
  }
}

export interface SignedInUser {
  user: HallUser;
  /** Epoch milliseconds: the access token's `exp`, which the session ends with. */
  expiresAt: number;
}

const MAX_TEXT = 128;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT ? value : null;
}

/**
 * The user as the gateway will see them: the claims of the access token (sub, name, org, roles, exp)
 * the hall received straight from the provider's token endpoint. The gateway verifies that token on
 * every call; here it must at least be a JWT for the same subject as the verified ID token.
 */
export function userOfAccessToken(accessToken: string, idTokenSubject: string, nowMs = Date.now()): SignedInUser {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw new SignInRefused(
      'the identity provider’s access token is not a JWT (configure JWT access tokens for the gateway’s resource, OIDC_RESOURCE)',
    );
  }
  const sub = text(claims.sub);
  if (sub === null || sub !== idTokenSubject)
    throw new SignInRefused('the access token is for another subject than the ID token');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs)
    throw new SignInRefused('the access token has no expiry or has expired');
  const roles = claims.roles;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string'))
    throw new SignInRefused('the access token carries no roles claim (an array)');
  return {
    user: { sub, name: text(claims.name) ?? sub, org: text(claims.org), roles: roles as string[] },
    expiresAt: claims.exp * 1000,
  };
}
