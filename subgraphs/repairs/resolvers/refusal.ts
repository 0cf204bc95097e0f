import { GraphQLError } from 'graphql';
import { badUserInput, conflict, forbidden } from '../../../shared/graphql/errors';
import { Eligibility, RepairCondition } from '../rules/eligibility';

/** The same error with more extensions (the failed conditions, the current status, the open case). */
export function withExtensions(error: GraphQLError, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, ...extra } });
}

/** The argument of the application a failed condition points at. */
const ARGUMENT: Record<RepairCondition, string> = {
  [RepairCondition.TARGET_UNKNOWN]: 'input.target.id',
  [RepairCondition.NOT_OWN]: 'input.target.id',
  [RepairCondition.NOT_REPAIRABLE]: 'input.target.id',
  [RepairCondition.MINIMUM_PERIOD]: 'input.target.id',
  [RepairCondition.ALREADY_REPAIRED]: 'input.target.id',
  [RepairCondition.OPEN_CASE]: 'input.target.id',
  [RepairCondition.NO_REPAIR_COMMITMENT]: 'input.repairCommitmentId',
  [RepairCondition.OBLIGATIONS]: 'input.fulfilmentEvidence',
};

/**
 * A refused application, with every failed condition in `extensions.failures`:
 * FORBIDDEN for another department's record, CONFLICT (reason OPEN_CASE with the
 * open case's id, or ALREADY_REPAIRED) when a case decides it, BAD_USER_INPUT otherwise.
 */
export function refusal(eligibility: Eligibility): GraphQLError {
  const failures = eligibility.failures.map(({ condition, message, date }) => ({ condition, message, ...(date ? { date } : {}) }));
  const message = `the application for repair is refused: ${eligibility.failures.map((f) => f.message).join('; ')}`;
  const failed = (condition: RepairCondition) => eligibility.failures.some((f) => f.condition === condition);
  if (failed(RepairCondition.NOT_OWN)) return withExtensions(forbidden(message), { failures });
  if (failed(RepairCondition.OPEN_CASE)) {
    return withExtensions(conflict(message, ARGUMENT[RepairCondition.OPEN_CASE], RepairCondition.OPEN_CASE), { failures, caseId: eligibility.openCaseId });
  }
  if (failed(RepairCondition.ALREADY_REPAIRED)) return withExtensions(conflict(message, ARGUMENT[RepairCondition.ALREADY_REPAIRED], RepairCondition.ALREADY_REPAIRED), { failures });
  return withExtensions(badUserInput(ARGUMENT[eligibility.failures[0].condition], message), { failures });
}
