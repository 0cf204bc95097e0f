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
  // A record repaired elsewhere (an external authority's list entry): extensions say where to turn.
  'NOT_REPAIRABLE',
  /** A deadline in a year the working-day calendar does not cover (shared/graphql/calendar-errors.ts). */
  'CALENDAR_NOT_COVERED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ALIASES',
  'PAYLOAD_TOO_LARGE',
  'AUDIT_UNAVAILABLE',
  'DIRECTORY_UNAVAILABLE',
  'TOO_MANY_UPLOADS',
  'OPERATION_RESOLUTION_FAILURE',
  'TOO_MANY_TOKENS',
  'DOCUMENT_TOO_LONG',
  // Server faults, but the client must see them to tell a missing section from an empty one, and to retry.
  'SUBGRAPH_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  // A credit report refused because screening could not run, or a section's source did not answer: never issued incomplete or CLEAR by default.
  'SCREENING_UNAVAILABLE',
  // A decision document asked for a case not yet decided, or whose case could not be read completely (reports).
  'CASE_NOT_DECIDED',
  'CASE_UNAVAILABLE',
  'SECTION_UNAVAILABLE',
]);

/** PostgreSQL SQLSTATEs of a server that cannot serve now: connection exceptions (08…), too many connections, shutting down or starting up. */
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P0[1-3])$/;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

interface Cause {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error, or anything it wraps, says the database cannot be reached
 * or the pool has no connection to give: Knex's "Timeout acquiring a
 * connection", a refused or dropped socket, PostgreSQL refusing connections.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, name, message, originalError, cause, errors } = error as Cause;
  if (
    name === 'KnexTimeoutError' ||
    (typeof message === 'string' && message.startsWith('Knex: Timeout acquiring a connection'))
  )
    return true;
  if (typeof code === 'string' && (UNREACHABLE.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  const nested = [originalError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** How much of a client's value an error may quote back. */
export const ECHO_LENGTH = 100;
/** Longest message (and stack line) sent to a client, whatever it quotes. */
const MAX_MESSAGE_LENGTH = 1000;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
/** graphql-js validation hints ("Did you mean "departments"?"): they enumerate the schema to whoever guesses. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * graphql-js quotes whole values in coercion errors (`Int cannot represent
 * non-integer value: "…1 MB…"`): every quoted value is cut to its first
 * ECHO_LENGTH characters, and the message as a whole to MAX_MESSAGE_LENGTH.
 */
export function shortenEcho(message: string): string {
  const quoted =
    message.length <= ECHO_LENGTH
      ? message
      : message.replace(QUOTED, (value) =>
          value.length <= ECHO_LENGTH + 2 ? value : `${value.slice(0, ECHO_LENGTH + 1)}…"`,
        );
  return quoted.length <= MAX_MESSAGE_LENGTH ? quoted : `${quoted.slice(0, MAX_MESSAGE_LENGTH)}…`;
}

/** What every client error goes through: a bounded echo, and no schema hints in production. */
function bounded(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const message = shortenEcho(production ? formatted.message.replace(SUGGESTION, '') : formatted.message);
  const stacktrace = formatted.extensions?.stacktrace;
  if (message === formatted.message && !Array.isArray(stacktrace)) return formatted;
  return {
    ...formatted,
    message,
    ...(Array.isArray(stacktrace)
      ? {
          extensions: {
            ...formatted.extensions,
            stacktrace: stacktrace.slice(0, 20).map((line) => shortenEcho(String(line))),
          },
        }
      : {}),
  };
}

/**
 * Errors with a client code pass through; anything else is an internal fault:
 * logged in full here, and sent to the client as a generic message with no
 * stack or SQL in production.
 */
export function formatErrorForClients(logger: Logger, production = process.env.NODE_ENV === 'production') {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // The gateway's own stack says nothing about a subgraph that is down (the cause is logged where it happened).
    if (code === 'SUBGRAPH_UNAVAILABLE')
      return {
        message: formatted.message,
        path: formatted.path,
        extensions: { code, subgraph: formatted.extensions?.subgraph },
      };
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return bounded(formatted, production);
    if (isDatabaseUnavailable(error)) {
      // Knex's and the driver's text names hosts, ports and pool sizes: logged here, never answered.
      logger.error({ err: error, path: formatted.path }, 'database unavailable while resolving');
      return {
        message: 'the database is unavailable; try again later: 数据库暂不可用，请稍后重试',
        path: formatted.path,
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    logger.error({ err: error, path: formatted.path }, 'internal error while resolving');
    if (!production) return bounded(formatted, production);
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
