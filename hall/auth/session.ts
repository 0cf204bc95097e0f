import type { Request } from 'express';
import { seal, unseal } from './sealed';

/** Who is signed in at the hall, as the identity provider's token says. */
export interface HallUser {
  sub: string;
  name: string;
  org: string | null;
  roles: string[];
}

export interface Session {
  user: HallUser;
  /** The provider's access token (a JWT the gateway verifies against the provider's JWKS). */
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The session cookie: the sealed session (hall/auth/sealed.ts), never readable by a script or the user. */
export const SESSION_COOKIE = 'gusu_hall_session';

/** A session as sealed: the user, the token, and when it was last used (for the idle limit); `exp` is the token's. */
interface SealedSession {
  user: HallUser;
  token: string;
  /** Epoch seconds of the last request that used it. */
  seen: number;
}

export interface OpenedSession {
  session: Session;
  /** Epoch seconds of its last use before this request. */
  lastSeen: number;
}

export function sealSession(session: Session, key: Uint8Array, nowMs = Date.now()): Promise<string> {
  const claims: SealedSession = { user: session.user, token: session.accessToken, seen: Math.floor(nowMs / 1000) };
  return seal({ ...claims }, key, Math.floor(session.expiresAt / 1000));
}

function isUser(value: unknown): value is HallUser {
  const user = value as HallUser;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof user.sub === 'string' &&
    typeof user.name === 'string' &&
    (user.org === null || typeof user.org === 'string') &&
    Array.isArray(user.roles) &&
    user.roles.every((r) => typeof r === 'string')
  );
}

/** The cookie's session, or null: absent, forged, altered, expired with its token, or idle for longer than `idleSeconds`. */
export async function openSession(
  value: string | undefined,
  key: Uint8Array,
  idleSeconds: number,
  nowMs = Date.now(),
): Promise<OpenedSession | null> {
  if (!value) return null;
  const claims = await unseal(value, key, nowMs);
  if (
    !claims ||
    typeof claims.exp !== 'number' ||
    typeof claims.token !== 'string' ||
    typeof claims.seen !== 'number' ||
    !isUser(claims.user)
  )
    return null;
  const now = Math.floor(nowMs / 1000);
  if (claims.exp <= now || now - claims.seen > idleSeconds) return null;
  return {
    session: { user: claims.user, accessToken: claims.token, expiresAt: claims.exp * 1000 },
    lastSeen: claims.seen,
  };
}

const sessions = new WeakMap<Request, Session>();

/** Set by the session middleware (hall/auth/session-middleware.ts), which runs before every other router. */
export function attachSession(req: Request, session: Session): void {
  sessions.set(req, session);
}

/** The request's session; null = not signed in (no cookie, a forged or expired one, or idle too long). */
export function sessionOf(req: Request): Session | null {
  const session = sessions.get(req);
  return session && session.expiresAt > Date.now() ? session : null;
}
