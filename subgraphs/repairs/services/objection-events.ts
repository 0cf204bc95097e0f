import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent } from '../../../shared/events/publish';
import type { ObjectionCase } from '../entities/objection-case';

/** Tells the record's owner where its objection stands (objection.changed), in the step's transaction. */
export async function announceObjection(em: EntityManager, objection: ObjectionCase): Promise<void> {
  await publishEvent(em, 'objection.changed', {
    objectionId: objection.id,
    caseNumber: objection.caseNumber,
    target: objection.target,
    targetId: objection.targetId,
    status: objection.status,
    outcome: objection.outcome,
    note: objection.decisionNote,
    decidedByCode: objection.decidedByCode,
  });
}
