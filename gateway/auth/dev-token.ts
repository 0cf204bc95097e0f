import { SignJWT } from 'jose';
import { SUBJECT_CLAIMS } from '../../shared/auth/self';

export interface DevTokenClaims {
  sub: string;
  name?: string;
  org?: string;
  roles: string[];
  scope?: string;
  /** e.g. '8h', '15m' */
  ttl: string;
  /** The subject role's subject (shared/auth/self.ts SUBJECT_CLAIMS): an organisation's USCC, or a person's ID number. */
  subjectUscc?: string;
  subjectIdNumber?: string;
}

/** A development token (HS256, AUTH_JWT_SECRET): what `npm run token` prints and the tests send. */
export function signDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  const { sub, ttl, subjectUscc, subjectIdNumber, ...rest } = claims;
  return new SignJWT({
    ...rest,
    ...(subjectUscc !== undefined ? { [SUBJECT_CLAIMS.uscc]: subjectUscc } : {}),
    ...(subjectIdNumber !== undefined ? { [SUBJECT_CLAIMS.idNumber]: subjectIdNumber } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
