import { GraphQLError } from 'graphql';
import { expandedSelectionCount } from '../operation/inline-fragments';
import { CONTINUE, GuardStep } from './guarded-request';

/** Selections an operation may have with its fragments expanded. */
const MAX_EXPANDED_SELECTIONS = 20_000;

/** Fragments that spread each other into millions of selections are refused before anything expands them. */
export const expansionLimit: GuardStep = {
  name: 'expansion limit',
  run({ context, operation }) {
    const selections = expandedSelectionCount(context.document, operation);
    if (selections <= MAX_EXPANDED_SELECTIONS) return CONTINUE;
    return {
      errors: [
        new GraphQLError(`operation expands to ${selections} selections; the limit is ${MAX_EXPANDED_SELECTIONS}`, {
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        }),
      ],
    };
  },
};
