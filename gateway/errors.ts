import type { GraphQLError, GraphQLFormattedError } from 'graphql';

const VARIABLE = /^Variable "\$(\w+)" got invalid value/;
const INVALID_LITERAL = /^(Value .* does not exist in ".*" enum|Enum ".*" cannot represent|\w+ cannot represent|Expected value of type)/;

/** The argument a literal value was given for: the name before the value's colon. */
function argumentOfLiteral(error: GraphQLError): string | undefined {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || body === undefined) return undefined;
  return /(\w+)\s*:\s*\[?\s*$/.exec(body.slice(0, start))?.[1];
}

/**
 * A wrong value for an argument — an unknown enum value, a string where a
 * number belongs — is the client's input error: BAD_USER_INPUT naming the
 * argument (or the variable that carried it), as the subgraphs report theirs.
 */
export function nameBadInput(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const graphqlError = error as GraphQLError;
  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.argument === undefined) {
    const variable = VARIABLE.exec(formatted.message)?.[1];
    if (variable) return { ...formatted, extensions: { ...formatted.extensions, argument: variable } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && INVALID_LITERAL.test(formatted.message)) {
    const argument = argumentOfLiteral(graphqlError);
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } };
  }
  return formatted;
}
