import { GraphQLError } from 'graphql';
import { badUserInput, conflict, forbidden } from '../../../shared/graphql/errors';
import { Eligibility, RepairCondition, RepairFailure } from '../rules/eligibility';

/** The same error with more extensions (the failed conditions, the current status, the open case). */
export function withExtensions(error: GraphQLError, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, ...extra } });
}

/**
 * NOT_REPAIRABLE: the record is repaired elsewhere (an external authority's list entry);
 * the reason and the authority to turn to travel in the extensions.
 */
export function notRepairable(external: RepairFailure, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(external.message, {
    extensions: {
      code: 'NOT_REPAIRABLE',
      argument: 'input.target.id',
      reason: external.message,
      authority: external.authority,
      turnTo: external.turnTo,
      ...extra,
    },
  });
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
  const failures = eligibility.failures.map(({ condition, message, date, authority, turnTo }) => ({
    condition,
    message,
    ...(date ? { date } : {}),
    ...(turnTo ? { authority, turnTo } : {}),
  }));
  const message = `the application for repair is refused: ${eligibility.failures.map((f) => f.message).join('; ')}`;
  const failed = (condition: RepairCondition) => eligibility.failures.some((f) => f.condition === condition);
  const external = eligibility.failures.find((f) => f.turnTo !== undefined);
  if (external) return notRepairable(external, { failures });
  if (failed(RepairCondition.NOT_OWN)) return withExtensions(forbidden(message), { failures });
  if (failed(RepairCondition.OPEN_CASE)) {
    return withExtensions(conflict(message, ARGUMENT[RepairCondition.OPEN_CASE], RepairCondition.OPEN_CASE), {
      failures,
      caseId: eligibility.openCaseId,
    });
  }
  if (failed(RepairCondition.ALREADY_REPAIRED))
    return withExtensions(
      conflict(message, ARGUMENT[RepairCondition.ALREADY_REPAIRED], RepairCondition.ALREADY_REPAIRED),
      { failures },
    );
  return withExtensions(badUserInput(ARGUMENT[eligibility.failures[0].condition], message), { failures });
}
