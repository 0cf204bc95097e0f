import { GraphQLError } from 'graphql';
import type { TransitionRefused } from '../workflow/refusal';

/**
 * Errors a client can act on. Each carries `extensions.code`; input errors also
 * name the offending argument so a form can point at it.
 */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

export function notFound(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argument ? { argument } : {}) } });
}

/** The request is well-formed but the data's state forbids it (a transition, a duplicate). */
export function conflict(message: string, argument?: string, reason?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'CONFLICT', ...(argument ? { argument } : {}), ...(reason ? { reason } : {}) },
  });
}

/**
 * The one CONFLICT for a refused workflow step (shared/workflow/step.ts): its
 * reason, and the status the record reads as.
 */
export function refused(error: TransitionRefused): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: 'CONFLICT', argument: 'id', reason: error.reason, status: error.status },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
