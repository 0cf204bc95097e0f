import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent } from '../../../shared/events/publish';
import type { Commitment } from '../entities/commitment';

/** 'commitment.changed', in the step's transaction: keeps the repairs subgraph's facts current. */
export async function announceCommitment(em: EntityManager, commitment: Commitment): Promise<void> {
  await publishEvent(em, 'commitment.changed', {
    commitmentId: commitment.id,
    subjectId: commitment.subjectId,
    kind: commitment.kind,
    status: commitment.status,
    validUntil: commitment.validUntil,
  });
}
