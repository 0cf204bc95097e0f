import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import { auditRecording } from './audit-recording';
import { authorization } from './authorization';
import { execution } from './execution';
import { expansionLimit } from './expansion-limit';
import { CONTINUE, GuardedRequest, GuardStep } from './guarded-request';
import { inputLimits } from './input-limits';
import { introspection } from './introspection';
import { operationLimits } from './operation-limits';
import { reservedAliases } from './reserved-aliases';
import { variables } from './variables';

/** The guard's steps, in order: every refusal before anything reaches a subgraph, the audit before the answer. */
export const GUARD_STEPS: readonly GuardStep[] = [
  expansionLimit,
  variables,
  inputLimits,
  operationLimits,
  reservedAliases,
  introspection,
  authorization,
  execution,
  auditRecording,
];

/** The executor's answer, with the errors of removed fields beside its own. */
function answer({ errors, data, result }: GuardedRequest): GatewayExecutionResult {
  return errors.length === 0 && data === result.data
    ? result
    : { ...result, data, errors: [...errors, ...(result.errors ?? [])] };
}

/** Runs the steps until one answers; when none does, the operation's own answer. */
export async function runSteps(steps: readonly GuardStep[], request: GuardedRequest): Promise<GatewayExecutionResult> {
  for (const step of steps) {
    const outcome = await step.run(request);
    if (outcome !== CONTINUE) return outcome;
  }
  return answer(request);
}
