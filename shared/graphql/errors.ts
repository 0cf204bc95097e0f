import { GraphQLError } from 'graphql';

/**
 * Errors a client can act on. Each carries `extensions.code`; input errors also
 * name the offending argument so a form can point at it.
 */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
