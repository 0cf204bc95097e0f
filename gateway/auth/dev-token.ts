import { SignJWT } from 'jose';

export interface DevTokenClaims {
  sub: string;
  name?: string;
  org?: string;
  roles: string[];
  scope?: string;
  /** e.g. '8h', '15m' */
  ttl: string;
}

/** A development token (HS256, AUTH_JWT_SECRET): what `npm run token` prints and the tests send. */
export function signDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  const { sub, ttl, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
