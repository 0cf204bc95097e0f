import type { GraphQLError, GraphQLFormattedError } from 'graphql';

const VARIABLE = /^Variable "\$(\w+)" got invalid value/;
const INVALID_LITERAL =
  /^(Value .* does not exist in ".*" enum|Enum ".*" cannot represent|\w+ cannot represent|Expected value of type)/;

/** The argument a literal value was given for: the name before the value's colon. */
function argumentOfLiteral(error: GraphQLError): string | undefined {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || body === undefined) return undefined;
  // Only the text just before the value: the document may be megabytes long.
  return /(\w+)\s*:\s*\[?\s*$/.exec(body.slice(Math.max(0, start - 200), start))?.[1];
}

interface SubgraphRejection {
  response?: { status?: number; body?: { errors?: GraphQLFormattedError[] } };
}

/**
 * A subgraph that refuses a request outright (HTTP 400, e.g. a custom scalar
 * such as Date rejecting a variable) comes back from the gateway as a generic
 * error carrying the subgraph's response; surface the subgraph's own client
 * error instead, without the internal URL.
 */
function unwrapSubgraphRejection(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const response = (formatted.extensions as SubgraphRejection | undefined)?.response;
  const inner = response?.status === 400 ? response.body?.errors?.[0] : undefined;
  // The gateway validated the document already: a subgraph's validation failure is one of its scalars refusing a literal.
  if (!inner || (inner.extensions?.code !== 'BAD_USER_INPUT' && inner.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED'))
    return formatted;
  return { message: inner.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
}

/**
 * A wrong value for an argument — an unknown enum value, a string where a
 * number belongs — is the client's input error: BAD_USER_INPUT naming the
 * argument (or the variable that carried it), as the subgraphs report theirs.
 */
export function nameBadInput(original: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = unwrapSubgraphRejection(original);
  const graphqlError = error as GraphQLError;
  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.argument === undefined) {
    const variable = VARIABLE.exec(formatted.message)?.[1];
    if (variable) return { ...formatted, extensions: { ...formatted.extensions, argument: variable } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && INVALID_LITERAL.test(formatted.message)) {
    const argument = argumentOfLiteral(graphqlError);
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
    };
  }
  return formatted;
}
