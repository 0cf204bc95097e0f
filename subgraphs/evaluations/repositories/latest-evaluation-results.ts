import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import { EvaluationResult } from '../entities/evaluation-result';

interface ResultRow {
  id: string;
  source_code: string;
  subject_id: string;
  uscc: string;
  grade: string;
  score: number | null;
  period: string;
  model: string | null;
  evaluated_on: string;
  received_at: Date;
  batch_id: string;
}

/**
 * Each subject's latest result per source, in one statement for any number of subjects: the latest
 * is the last evaluated (then the later period, then the later received). Sources in code order.
 */
export async function latestEvaluationResults(
  em: EntityManager,
  subjectIds: readonly string[],
): Promise<Map<string, EvaluationResult[]>> {
  const rows = await boundQuery<ResultRow>(
    em,
    `select distinct on (subject_id, source_code) id, source_code, subject_id, uscc, grade, score, period, model,
            to_char(evaluated_on, 'YYYY-MM-DD') as evaluated_on, received_at, batch_id
       from ${SCHEMA}.evaluation_result
      where subject_id = any(?::uuid[])
      order by subject_id, source_code, evaluated_on desc, period desc, received_at desc`,
    [[...subjectIds]],
  );
  const bySubject = new Map<string, EvaluationResult[]>(subjectIds.map((id) => [id, []]));
  for (const row of rows) {
    bySubject.get(row.subject_id)?.push(
      Object.assign(new EvaluationResult(), {
        id: row.id,
        sourceCode: row.source_code,
        subjectId: row.subject_id,
        uscc: row.uscc,
        grade: row.grade,
        score: row.score,
        period: row.period,
        model: row.model,
        evaluatedOn: row.evaluated_on,
        receivedAt: row.received_at,
        batchId: row.batch_id,
      }),
    );
  }
  return bySubject;
}
