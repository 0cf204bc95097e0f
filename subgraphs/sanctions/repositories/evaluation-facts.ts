import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { EvaluationFacts } from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

/**
 * Stores each subject's evaluation unless a later one is already there (events may arrive out of order;
 * one of the same time replaces it). One statement for the whole batch; of several facts of one subject in
 * the batch the latest is kept first, since one statement may not update a row twice.
 */
export async function storeEvaluationFacts(em: EntityManager, facts: readonly EvaluationFacts[]): Promise<void> {
  const latest = new Map<string, EvaluationFacts>();
  for (const fact of facts) {
    const known = latest.get(fact.subjectId);
    if (!known || fact.evaluatedAt >= known.evaluatedAt) latest.set(fact.subjectId, fact);
  }
  if (latest.size === 0) return;
  await boundQuery(
    em,
    `insert into ${SCHEMA}.subject_evaluation_fact as t (subject_id, model_version, score, grade, previous_grade, evaluated_at, tolerant_acceptance, verdict_floor, basis, received_at)
     select f."subjectId", f."modelVersion", f.score, f.grade, f."previousGrade", f."evaluatedAt", f."tolerantAcceptance", f."verdictFloor", f.basis, now()
       from jsonb_to_recordset(?::jsonb) as f("subjectId" uuid, "modelVersion" text, score float8, grade text, "previousGrade" text,
            "evaluatedAt" timestamptz, "tolerantAcceptance" boolean, "verdictFloor" text, basis text)
      order by f."subjectId"
     on conflict (subject_id) do update set model_version = excluded.model_version, score = excluded.score, grade = excluded.grade,
        previous_grade = excluded.previous_grade, evaluated_at = excluded.evaluated_at, tolerant_acceptance = excluded.tolerant_acceptance,
        verdict_floor = excluded.verdict_floor, basis = excluded.basis, received_at = excluded.received_at
     where excluded.evaluated_at >= t.evaluated_at`,
    [JSON.stringify([...latest.values()])],
  );
}
