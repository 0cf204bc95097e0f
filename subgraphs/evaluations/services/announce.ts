import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import { publishEvent } from '../../../shared/events/publish';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { supervisionFor } from './supervision';

/** A changed evaluation as evaluation.changed reports it. */
export interface ChangedEvaluation {
  subjectId: string;
  modelVersion: string;
  score: number;
  grade: CreditGrade;
  previousGrade: CreditGrade | null;
  evaluatedAt: Date;
  industry: string | null;
}

/** Sends evaluation.changed for each, in the caller's transaction, and marks them announced. */
export async function announceEvaluations(em: EntityManager, changed: readonly ChangedEvaluation[]): Promise<void> {
  if (changed.length === 0) return;
  for (const e of changed) {
    const rule = await supervisionFor(em, e.grade, e.industry);
    await publishEvent(em, 'evaluation.changed', {
      subjectId: e.subjectId,
      modelVersion: e.modelVersion,
      score: e.score,
      grade: e.grade,
      previousGrade: e.previousGrade,
      evaluatedAt: e.evaluatedAt.toISOString(),
      tolerantAcceptance: rule.tolerantAcceptance,
      verdictFloor: rule.verdictFloor,
      basis: rule.basis,
    });
  }
  await boundQuery(em, `update ${SCHEMA}.subject_evaluation set announced = true where subject_id = any(?::uuid[])`, [
    changed.map((e) => e.subjectId),
  ]);
}

const BATCH = 500;

/**
 * Evaluations computed while no event could be sent (the demo seed, a bulk recompute without the
 * bus): announced after start, in batches, each in one transaction with the rows it locked
 * (FOR UPDATE SKIP LOCKED: a concurrent recompute of the same subject announces it itself).
 */
export async function announcePending(em: EntityManager, logger: Logger): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await em.fork().transactional(async (tx) => {
      const rows = await boundQuery<{
        subject_id: string;
        model_version: string;
        score: number;
        grade: CreditGrade;
        previous_grade: CreditGrade | null;
        evaluated_at: Date;
        industry: string | null;
      }>(
        tx,
        `select e.subject_id, e.model_version, e.score, e.grade, e.previous_grade, e.evaluated_at, s.industry
           from ${SCHEMA}.subject_evaluation e left join ${SCHEMA}.subject_index s on s.id = e.subject_id
          where not e.announced order by e.subject_id limit ${BATCH} for update of e skip locked`,
        [],
      );
      await announceEvaluations(
        tx,
        rows.map((r) => ({
          subjectId: r.subject_id,
          modelVersion: r.model_version,
          score: r.score,
          grade: r.grade,
          previousGrade: r.previous_grade,
          evaluatedAt: new Date(r.evaluated_at),
          industry: r.industry,
        })),
      );
      return rows.length;
    });
    total += sent;
    if (sent === 0) break;
  }
  if (total > 0) logger.info({ evaluations: total }, 'evaluation.changed sent for evaluations computed before');
  return total;
}
