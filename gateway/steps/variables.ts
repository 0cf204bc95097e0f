import { getVariableValues, GraphQLError } from 'graphql';
import { CONTINUE, GuardStep } from './guarded-request';

/** Sizes given as variables count with their defaults, as execution will see them; variables that do not fit their types are a 400. */
export const variables: GuardStep = {
  name: 'variables',
  run(request) {
    const { context, operation } = request;
    const coerced = getVariableValues(
      context.schema,
      operation.variableDefinitions ?? [],
      context.request.variables ?? {},
      { maxErrors: 5 },
    );
    if (coerced.errors)
      return {
        errors: coerced.errors.map(
          (e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            }),
        ),
      };
    request.variables = coerced.coerced;
    return CONTINUE;
  },
};
