import { createHash, KeyObject, sign, verify } from 'node:crypto';

/**
 * Gateway → ingest → gateway: the proof that a /graphql call is a batch of an upload the gateway itself
 * forwarded to the ingest service (POST /ingest/…). When the gateway forwards an upload it replaces
 * whatever the client sent in INGEST_FORWARDING_HEADER with a proof signed by its own Ed25519 key
 * (INTERNAL_PRIVATE_KEY, which every gateway replica holds and nothing else does), bound to the upload's
 * Authorization header and valid for the longest upload; the ingest service passes it back with every
 * batch, beside `x-gusu-channel: file`. Without a valid proof for the same Authorization header, the
 * channel header is ignored (gateway/auth/submission-channel.ts): a client calling /graphql itself
 * cannot pass for a file, and a proof lifted from one upload is worthless with another token.
 */
export const INGEST_FORWARDING_HEADER = 'x-gusu-ingest-forwarding';
/** What the ingest service declares its batches to be; honoured only with a valid INGEST_FORWARDING_HEADER. */
export const CHANNEL_HEADER = 'x-gusu-channel';
export const FILE_CHANNEL_VALUE = 'file';

const VERSION = 'v1';
const AUDIENCE = 'gusu-ingest-file';
/** The ingest's request timeout (an hour) and a minute more: a proof outlives the longest upload, not much more. */
export const INGEST_FORWARDING_TTL_SECONDS = 3_660;

interface ProofClaims {
  aud: string;
  /** Seconds since the epoch. */
  exp: number;
  /** SHA-256 of the Authorization header the upload came with (hex). */
  auth: string;
}

function digestOf(authorization: string): string {
  return createHash('sha256').update(authorization.trim()).digest('hex');
}

/** A proof for an upload sent with `authorization`, signed with the gateway's private key. */
export function signIngestForwarding(authorization: string, privateKey: KeyObject, now = Date.now()): string {
  const claims: ProofClaims = {
    aud: AUDIENCE,
    exp: Math.floor(now / 1000) + INGEST_FORWARDING_TTL_SECONDS,
    auth: digestOf(authorization),
  };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign(null, Buffer.from(`${VERSION}.${body}`), privateKey).toString('base64url');
  return `${VERSION}.${body}.${signature}`;
}

/** Whether `proof` is the gateway's, unexpired, and for this very Authorization header (`key`: the public half). */
export function verifyIngestForwarding(
  proof: string | undefined,
  authorization: string | undefined,
  publicKey: KeyObject,
  now = Date.now(),
): boolean {
  if (!proof || !authorization || proof.length > 1_000) return false;
  const [version, body, signature, ...rest] = proof.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0) return false;
  if (!verify(null, Buffer.from(`${version}.${body}`), publicKey, Buffer.from(signature, 'base64url'))) return false;
  let claims: Partial<ProofClaims>;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<ProofClaims>;
  } catch {
    return false;
  }
  return (
    claims.aud === AUDIENCE &&
    typeof claims.exp === 'number' &&
    claims.exp * 1000 > now &&
    claims.auth === digestOf(authorization)
  );
}
