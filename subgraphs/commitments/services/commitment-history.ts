import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { recordHistory } from '../../../shared/workflow/history';
import type { Commitment } from '../entities/commitment';
import { CommitmentEvent } from '../entities/commitment-event';
import type { StepData } from '../rules/repeat';

/** One step of a commitment into its history (信用承诺历史), in the transaction of the step. */
export function recordCommitmentStep(
  em: EntityManager,
  commitment: Commitment,
  step: StepData,
  from: CommitmentStatus | null,
  principal: Principal,
): void {
  recordHistory(em, CommitmentEvent, principal, step.note, {
    commitmentId: commitment.id,
    action: step.action,
    fromStatus: from,
    toStatus: commitment.status,
    evidence: step.evidence,
  });
}
