import type { GraphQLFormattedError } from 'graphql';
import { CHANNEL_HEADER, FILE_CHANNEL_VALUE, INGEST_FORWARDING_HEADER } from '../shared/auth/ingest-forwarding';
import { gatewayUrl } from '../shared/config/gateway-url';

/** Who an operation is sent for: the caller's own headers, passed on, so the gateway decides and audits as for any client. */
export interface Caller {
  /** The caller's `Authorization` header; none = the public. */
  authorization: string | null;
  /** x-request-id: the one the gateway gave the upload, so every batch is audited under it. */
  requestId?: string;
  /** Why the data is read or written (x-purpose, recorded in the audit). */
  purpose: string;
  /**
   * The gateway's proof that it forwarded this upload here (x-gusu-ingest-forwarding), passed back with
   * `x-gusu-channel: file`, so the batches count as reported by file (shared/auth/ingest-forwarding.ts).
   */
  uploadProof?: string;
}

/** The gateway's answer: its HTTP status, the GraphQL result, and the request id it used. */
export interface GatewayAnswer {
  status: number;
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[];
  requestId: string | null;
}

export type SendOperation = (
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) => Promise<GatewayAnswer>;

/** A batch is one transaction of at most 1,000 records: seconds; this bounds a gateway that does not answer. */
const CALL_TIMEOUT_MS = 300_000;

/** Operations posted to the gateway's /graphql as the caller, at `base` (GATEWAY_URL, or the address the parent sent). */
export function gatewaySender(base: () => Promise<string> = () => gatewayUrl()): SendOperation {
  return async (query, variables, caller) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-purpose': encodeURIComponent(caller.purpose),
    };
    if (caller.authorization !== null) headers.authorization = caller.authorization;
    if (caller.requestId !== undefined) headers['x-request-id'] = caller.requestId;
    if (caller.uploadProof !== undefined) {
      headers[INGEST_FORWARDING_HEADER] = caller.uploadProof;
      headers[CHANNEL_HEADER] = FILE_CHANNEL_VALUE;
    }
    const response = await fetch(`${await base()}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors ?? [],
      requestId: response.headers.get('x-request-id'),
    };
  };
}
