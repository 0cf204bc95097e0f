import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature on every batch the exchange pushes (docs/EXCHANGE.md, "Signatures"): HMAC-SHA256 with
 * the receiver's shared secret over `<timestamp>.<body>`, sent as `x-gusu-signature: t=<unix seconds>,v1=<hex>`.
 * The timestamp inside the signed text lets a receiver refuse a replayed batch older than its tolerance;
 * the body is signed byte for byte, so a receiver verifies before it parses.
 */
export const SIGNATURE_HEADER = 'x-gusu-signature';

/** How far a batch's timestamp may be from the receiver's clock (as Stripe and GitHub webhooks do). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` signed at `timestamp` (unix seconds). */
export function signBatch(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'MALFORMED' | 'STALE' | 'MISMATCH' };

/** Verifies a header against the raw body: constant-time comparison, stale timestamps refused. */
export function verifyBatch(
  secret: string,
  body: string,
  header: string | undefined,
  now = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return { valid: false, reason: 'MALFORMED' };
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > toleranceSeconds) return { valid: false, reason: 'STALE' };
  const expected = Buffer.from(digest(secret, timestamp, body), 'hex');
  const given = Buffer.from(match[2], 'hex');
  return timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'MISMATCH' };
}
