import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/logger';

/** Codes a client can act on; every code this project raises must be here (test/unit/error-codes.test.ts). */
export const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNAUTHORIZED_FIELD_OR_TYPE',
  'NOT_FOUND',
  'CONFLICT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ALIASES',
  'PAYLOAD_TOO_LARGE',
  'AUDIT_UNAVAILABLE',
  'DIRECTORY_UNAVAILABLE',
]);

/**
 * Errors with a client code pass through; anything else is an internal fault:
 * logged in full here, and sent to the client as a generic message with no
 * stack or SQL in production.
 */
export function formatErrorForClients(logger: Logger) {
  const production = process.env.NODE_ENV === 'production';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    logger.error({ err: error, path: formatted.path }, 'internal error while resolving');
    if (!production) return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
