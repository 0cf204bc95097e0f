import { GraphQLError } from 'graphql';
import { gatewayUrl } from '../../../shared/config/gateway-url';

const READ_TIMEOUT_MS = 15_000;
/** The gateway's own code for a field whose subgraph did not answer (gateway/auth/forwarding-data-source.ts). */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface GatewayAnswer<T> {
  data?: T | null;
  errors?: GatewayError[];
}

export interface CallerRead {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** The caller's own Authorization header (passed on by the gateway in x-caller-authorization). */
  authorization: string;
  requestId: string;
  /** Sent as x-purpose: every audit row of the read names it (出具信用报告 GSXY-…). */
  purpose: string;
  /** What is being made, for the messages: 'the report', 'the decision document'. */
  what: string;
}

export interface CallerReadResult<T> {
  status: number;
  ok: boolean;
  answer: GatewayAnswer<T>;
}

/**
 * Reads through the gateway's /graphql as the caller: every access rule and the audit
 * apply to what the reports subgraph gathers, exactly as if the caller had asked.
 * Credentials the gateway refuses are UNAUTHENTICATED; any other answer is returned
 * for the caller to judge (a partial answer carries its errors).
 */
export async function readAsCaller<T>(read: CallerRead): Promise<CallerReadResult<T>> {
  const base = await gatewayUrl();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: read.authorization,
      'x-purpose': encodeURIComponent(read.purpose),
      'x-request-id': read.requestId,
    },
    body: JSON.stringify({ query: read.query, operationName: read.operationName, variables: read.variables }),
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as GatewayAnswer<T>;
  if (response.status === 401)
    throw new GraphQLError(`the caller's credentials were refused while gathering ${read.what}`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  return { status: response.status, ok: response.ok, answer };
}

/** The caller's credentials as the gateway passed them; a document is gathered as whoever asks for it. */
export function requireCallerAuthorization(authorization: string | null, what: string): string {
  if (!authorization)
    throw new GraphQLError(`the gateway did not pass the caller's credentials: ${what} is gathered as its issuer`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  return authorization;
}
