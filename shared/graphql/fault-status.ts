import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Faults of ours that a later retry can get past: answered 503 with Retry-After. */
export const RETRYABLE_CODES = new Set([
  'AUDIT_UNAVAILABLE',
  'DIRECTORY_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
]);
/** Seconds a client is told to wait before it retries. */
export const RETRY_AFTER_SECONDS = 5;

export interface FaultStatus {
  status: number;
  retryAfter?: number;
}

/** No data at all, or every root field null with an error of its own: nothing of what was asked was answered. */
export function answeredNothing(errors: readonly GraphQLFormattedError[], data: unknown): boolean {
  if (data === undefined || data === null) return true;
  if (typeof data !== 'object') return false;
  const failedRoots = new Set(errors.map((error) => error.path?.[0]));
  return Object.entries(data).every(([key, value]) => value === null && failedRoots.has(key));
}

/**
 * The HTTP status a whole-error answer deserves from its (formatted) errors:
 * 503 if a retryable fault of ours caused it, 500 for any other fault of ours;
 * null when the status stays as it is — some data was answered (a partial
 * answer is a 200 with its errors beside it), or the client's mistake is among
 * the errors (Apollo already gave it its 4xx).
 */
export function faultStatus(
  errors: readonly GraphQLFormattedError[] | undefined,
  data: unknown,
  clientCodes: ReadonlySet<string>,
): FaultStatus | null {
  if (!errors?.length || !answeredNothing(errors, data)) return null;
  const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  if (codes.some((code) => clientCodes.has(code) && !RETRYABLE_CODES.has(code))) return null;
  if (codes.some((code) => RETRYABLE_CODES.has(code))) return { status: 503, retryAfter: RETRY_AFTER_SECONDS };
  return { status: 500 };
}

/** Sets the status of a whole-error answer after formatError has run, whatever raised its errors (the gateway's executor included). */
export function faultStatusPlugin<TContext extends object>(
  clientCodes: ReadonlySet<string>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const fault = faultStatus(response.body.singleResult.errors, response.body.singleResult.data, clientCodes);
          if (!fault) return;
          response.http.status = fault.status;
          if (fault.retryAfter !== undefined) response.http.headers.set('retry-after', String(fault.retryAfter));
        },
      };
    },
  };
}
