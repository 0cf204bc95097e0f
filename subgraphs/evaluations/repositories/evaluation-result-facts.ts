import type { EntityManager } from '../../../shared/db/orm';
import { EvaluationSource } from '../entities/evaluation-source';
import { EvaluationSourceKind } from '../rules/evaluation-source-defaults';
import { latestEvaluationResults } from './latest-evaluation-results';

/** What the imported results say of a subject, as the model's facts name it. */
export interface EvaluationResultFacts {
  /** The latest national grade (NATIONAL_GRADE_<grade>), or null when none was received. */
  nationalGrade: string | null;
  /** Industry sources whose latest grade is the best of their scale (INDUSTRY_RATING_TOP). */
  industryTop: number;
  /** Industry sources whose latest grade is the worst of their scale (INDUSTRY_RATING_BOTTOM). */
  industryBottom: number;
}

/**
 * The imported-result facts of each subject (CORE's recompute reads them): the latest result per
 * source, judged against that source's scale. Two statements whatever the number of subjects.
 */
export async function evaluationResultFacts(
  em: EntityManager,
  subjectIds: readonly string[],
): Promise<Map<string, EvaluationResultFacts>> {
  const [latest, sources] = await Promise.all([latestEvaluationResults(em, subjectIds), em.find(EvaluationSource, {})]);
  const sourceByCode = new Map(sources.map((s) => [s.code, s]));
  const facts = new Map<string, EvaluationResultFacts>();
  for (const [subjectId, results] of latest) {
    const fact: EvaluationResultFacts = { nationalGrade: null, industryTop: 0, industryBottom: 0 };
    for (const result of results) {
      const source = sourceByCode.get(result.sourceCode);
      if (!source) continue;
      if (source.kind === EvaluationSourceKind.NATIONAL) fact.nationalGrade = result.grade;
      else if (result.grade === source.scale[0]) fact.industryTop += 1;
      else if (result.grade === source.scale[source.scale.length - 1]) fact.industryBottom += 1;
    }
    facts.set(subjectId, fact);
  }
  return facts;
}
