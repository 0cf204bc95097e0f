import { EncryptJWT, jwtDecrypt, JWTPayload } from 'jose';

/**
 * What the hall keeps in a browser cookie, encrypted and authenticated (JWE, dir + A256GCM): the browser
 * holds it but can neither read it (no token is visible in the cookie) nor change it (any change fails
 * the tag). `exp` bounds it; an expired, altered or foreign value opens as null.
 */
export async function seal(claims: JWTPayload, key: Uint8Array, expiresAtSeconds: number): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(expiresAtSeconds)
    .encrypt(key);
}

/** Cookie values are short: one longer than this is not ours and is not decrypted. */
const MAX_SEALED_LENGTH = 4096;

/** `nowMs`: the caller's clock, which `exp` is checked against (the same one it checks the idle limit with). */
export async function unseal(value: string, key: Uint8Array, nowMs = Date.now()): Promise<JWTPayload | null> {
  if (value.length > MAX_SEALED_LENGTH) return null;
  try {
    const { payload } = await jwtDecrypt(value, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      requiredClaims: ['exp'],
      currentDate: new Date(nowMs),
    });
    return payload;
  } catch {
    return null;
  }
}
