import type { Request } from 'express';

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

/** The request's session; null = not signed in. Sign-in (hall/auth) is not wired yet: nobody is signed in. */
export function sessionOf(_req: Request): Session | null {
  return null;
}
