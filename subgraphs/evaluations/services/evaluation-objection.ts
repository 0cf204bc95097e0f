import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '../../../shared/db/orm';
import { applyObjectionMark } from '../../../shared/domain/objection-mark';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import type { Logger } from '../../../shared/logging/logger';
import { SubjectEvaluation } from '../entities/subject-evaluation';
import { recomputeSubjects } from './recompute';

/**
 * An objection to a subject's district evaluation (repairs' objection.changed, target EVALUATION, keyed by
 * the subject's id): open, the evaluation is marked 异议处理中; decided, the mark ends, and upheld the
 * subject is evaluated again on the facts as they are now (重新评价: the records objected to have been
 * corrected at their source) — evaluation.changed follows if the score or grade moved. An evaluation no
 * longer held (the subject is not graded any more) has nothing to mark. Older events change nothing.
 */
export async function applyEvaluationObjection(
  em: EntityManager,
  change: EventCatalogue['objection.changed'],
  occurredAt: Date,
  logger: Logger,
): Promise<void> {
  if (change.target !== 'EVALUATION') return;
  const evaluation = await em.findOne(
    SubjectEvaluation,
    { subjectId: change.targetId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!evaluation) {
    logger.warn(
      { objectionId: change.objectionId, subjectId: change.targetId },
      'objection to an evaluation no longer held',
    );
    return;
  }
  if (applyObjectionMark(evaluation, change, occurredAt) !== 'DECIDED') return;
  await em.flush();
  if (change.status === 'UPHELD') await recomputeSubjects(em, [change.targetId]);
}
