import type { JWTPayload } from 'jose';
import { FILE_CHANNEL_VALUE } from '../../shared/auth/ingest-forwarding';
import { ArrivalChannel, SubmissionChannel } from '../../shared/domain/submission-channel';

/** Which key verified a token: the identity provider's (RS256/ES256) or the development secret (HS256). */
export type TokenOrigin = 'provider' | 'development';

/**
 * The channel a verified token stands for (报送渠道, §6), before the path of the request is known:
 *
 * - MANUAL — a person's session: a token the identity provider signed for one of the clients people sign
 *   in through (AUTH_SESSION_CLIENTS; its `client_id` claim, RFC 9068) and for a user (`sub` is not the
 *   client itself, which is what a client-credentials token of that client would carry).
 * - INTERFACE — everything else: a department's service token (client credentials, a key-file token), and
 *   every development HS256 token (`npm run token`: scripts and terminals).
 *
 * Every claim read here is signed by the issuer; nothing the caller adds to the request takes part.
 */
export function credentialChannel(
  payload: Pick<JWTPayload, 'sub'> & { client_id?: unknown },
  origin: TokenOrigin,
  sessionClients: readonly string[],
): ArrivalChannel {
  const client = payload.client_id;
  const person =
    origin === 'provider' && typeof client === 'string' && sessionClients.includes(client) && payload.sub !== client;
  return person ? SubmissionChannel.MANUAL : SubmissionChannel.INTERFACE;
}

/**
 * The channel of a request: its credential's, lowered from INTERFACE to FILE when the ingest service
 * declares a batch of an upload (`x-gusu-channel: file`) and proves that the gateway forwarded that upload
 * to it (`forwardedByIngest`: shared/auth/ingest-forwarding.ts). The header can only lower: a person's
 * session stays MANUAL (a clerk's spreadsheet is still typed by a person), any other value is ignored,
 * and without the proof the header is ignored altogether. The public has no channel: it submits nothing.
 */
export function requestChannel(
  credential: ArrivalChannel | undefined,
  declared: string | undefined,
  forwardedByIngest: boolean,
): ArrivalChannel | undefined {
  if (
    credential === SubmissionChannel.INTERFACE &&
    forwardedByIngest &&
    declared?.trim().toLowerCase() === FILE_CHANNEL_VALUE
  )
    return SubmissionChannel.FILE;
  return credential;
}
