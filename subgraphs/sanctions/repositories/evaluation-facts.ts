import { boundQuery } from '../../../shared/db/bound-query';
import { latestPerKey } from '../../../shared/db/latest-per-key';
import type { EntityManager } from '../../../shared/db/orm';
import type { EvaluationFacts } from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

/**
 * Stores each subject's evaluation unless a later one is already there (events may arrive out of order; one of
 * the same time replaces it), for many events in one statement: of one subject's, the one that applying them one
 * by one would leave (the latest evaluated; of the same time, the later) is the one offered.
 */
export async function storeManyEvaluationFacts(em: EntityManager, facts: readonly EvaluationFacts[]): Promise<void> {
  const rows = latestPerKey(
    facts,
    (f) => f.subjectId,
    (f) => f.evaluatedAt,
  ).sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1));
  if (rows.length === 0) return;
  await boundQuery(
    em,
    `insert into ${SCHEMA}.subject_evaluation_fact as t (subject_id, model_version, score, grade, previous_grade, evaluated_at, tolerant_acceptance, verdict_floor, basis, received_at)
     select r."subjectId", r."modelVersion", r.score, r.grade, r."previousGrade", r."evaluatedAt", r."tolerantAcceptance", r."verdictFloor", r.basis, now()
       from jsonb_to_recordset(?::jsonb) as r("subjectId" uuid, "modelVersion" text, score float8, grade text, "previousGrade" text, "evaluatedAt" timestamptz, "tolerantAcceptance" boolean, "verdictFloor" text, basis text)
      order by r."subjectId"
     on conflict (subject_id) do update set model_version = excluded.model_version, score = excluded.score, grade = excluded.grade,
        previous_grade = excluded.previous_grade, evaluated_at = excluded.evaluated_at, tolerant_acceptance = excluded.tolerant_acceptance,
        verdict_floor = excluded.verdict_floor, basis = excluded.basis, received_at = excluded.received_at
     where excluded.evaluated_at >= t.evaluated_at`,
    [JSON.stringify(rows)],
  );
}
