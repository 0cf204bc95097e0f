import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { EvaluationFacts } from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

/**
 * Stores a subject's evaluation unless a later one is already there (events may arrive out of order;
 * one of the same time replaces it). One statement.
 */
export async function storeEvaluationFacts(em: EntityManager, facts: EvaluationFacts): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.subject_evaluation_fact as t (subject_id, model_version, score, grade, previous_grade, evaluated_at, tolerant_acceptance, verdict_floor, basis, received_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
     on conflict (subject_id) do update set model_version = excluded.model_version, score = excluded.score, grade = excluded.grade,
        previous_grade = excluded.previous_grade, evaluated_at = excluded.evaluated_at, tolerant_acceptance = excluded.tolerant_acceptance,
        verdict_floor = excluded.verdict_floor, basis = excluded.basis, received_at = excluded.received_at
     where excluded.evaluated_at >= t.evaluated_at`,
    [
      facts.subjectId,
      facts.modelVersion,
      facts.score,
      facts.grade,
      facts.previousGrade,
      facts.evaluatedAt,
      facts.tolerantAcceptance,
      facts.verdictFloor,
      facts.basis,
    ],
  );
}
