import { checkOperationInputs } from '../../shared/graphql/input-limits';
import { CONTINUE, GuardStep } from './guarded-request';

/** Inputs beyond what the subgraphs accept are refused before anything runs (shared/graphql/input-limits.ts). */
export const inputLimits: GuardStep = {
  name: 'input limits',
  run({ context, inlined, variables }) {
    const badInput = checkOperationInputs(context.schema, context.document, inlined, variables);
    return badInput ? { errors: [badInput] } : CONTINUE;
  },
};
