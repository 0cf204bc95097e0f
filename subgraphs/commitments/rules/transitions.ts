import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { TransitionRefused } from '../../../shared/workflow/refusal';
import { ClosingAction, CommitmentAction } from './actions';

/**
 * The commitment workflow (§8): signed → in effect → fulfilled, breached or withdrawn.
 * Each closing action is allowed from the statuses listed here and nowhere else;
 * a commitment past its validity reads as EXPIRED and no longer moves.
 */
export const TRANSITIONS: Record<ClosingAction, { from: CommitmentStatus[]; to: CommitmentStatus }> = {
  [CommitmentAction.FULFIL]: { from: [CommitmentStatus.IN_EFFECT], to: CommitmentStatus.FULFILLED },
  [CommitmentAction.BREACH]: { from: [CommitmentStatus.IN_EFFECT], to: CommitmentStatus.BREACHED },
  [CommitmentAction.WITHDRAW]: { from: [CommitmentStatus.IN_EFFECT], to: CommitmentStatus.WITHDRAWN },
};

export interface CommitmentState {
  status: CommitmentStatus;
  validUntil: string | null;
}

/** The status a commitment reads as on `today`: one in effect past its validUntil has expired by itself. */
export function effectiveStatus(commitment: CommitmentState, today: string): CommitmentStatus {
  const expired =
    commitment.status === CommitmentStatus.IN_EFFECT && commitment.validUntil !== null && commitment.validUntil < today;
  return expired ? CommitmentStatus.EXPIRED : commitment.status;
}

/** What a closing action does: move to a status, or nothing because it repeats the step already taken. */
export type Step = { kind: 'apply'; to: CommitmentStatus } | { kind: 'repeat' };

/**
 * The step for an action on a commitment. `repeatsLastStep` says whether the
 * commitment's closing step was this very action with the same data: a retry
 * then changes nothing and answers as the first call did.
 */
export function nextStep(
  commitment: CommitmentState,
  action: ClosingAction,
  today: string,
  repeatsLastStep: boolean,
): Step {
  const status = effectiveStatus(commitment, today);
  const rule = TRANSITIONS[action];
  if (status === rule.to && repeatsLastStep) return { kind: 'repeat' };
  if (!rule.from.includes(status))
    throw new TransitionRefused(`${action} is not allowed for a commitment that is ${status}`, action, status);
  return { kind: 'apply', to: rule.to };
}
