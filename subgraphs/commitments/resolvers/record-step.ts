import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { publishEvent } from '../../../shared/events/publish';
import type { Commitment } from '../entities/commitment';
import { CommitmentEvent } from '../entities/commitment-event';
import type { StepData } from '../rules/repeat';

/**
 * Records a step in its transaction (`em`): the history row, and the
 * 'commitment.changed' event that keeps the repairs subgraph's facts current.
 */
export async function recordStep(
  em: EntityManager,
  commitment: Commitment,
  step: StepData,
  from: CommitmentStatus | null,
  principal: Principal,
): Promise<void> {
  em.persist(
    em.create(CommitmentEvent, {
      id: randomUUID(),
      commitmentId: commitment.id,
      occurredAt: new Date(),
      action: step.action,
      fromStatus: from,
      toStatus: commitment.status,
      actorSub: principal.sub,
      actorOrg: principal.org,
      note: step.note,
      evidence: step.evidence,
    }),
  );
  await publishEvent(em, 'commitment.changed', {
    commitmentId: commitment.id,
    subjectId: commitment.subjectId,
    kind: commitment.kind,
    status: commitment.status,
    validUntil: commitment.validUntil,
  });
}
