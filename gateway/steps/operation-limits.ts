import { checkLimits } from '../limits/limits';
import { CONTINUE, GuardStep } from './guarded-request';

/** Depth, aliases and cost (lists weighed by the sizes they ask for), each refused with its own code. */
export const operationLimits: GuardStep = {
  name: 'operation limits',
  run({ walk, options }) {
    const exceeded = checkLimits(walk.measured, options.limits);
    return exceeded ? { errors: [exceeded] } : CONTINUE;
  },
};
