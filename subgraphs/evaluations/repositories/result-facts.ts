import type { EntityManager } from '../../../shared/db/orm';
import { EvaluationSource } from '../entities/evaluation-source';
import { EvaluationSourceKind } from '../rules/evaluation-source-defaults';
import type { FactCounts } from '../rules/model';
import { latestEvaluationResults } from './latest-evaluation-results';

/**
 * The facts the imported results give each subject, from its latest result per source:
 * NATIONAL_GRADE_<grade> from the national source, INDUSTRY_RATING_TOP / INDUSTRY_RATING_BOTTOM
 * counting the industry sources whose latest grade is the first / last of their scale (best first).
 * Two statements whatever the number of subjects; subjects without a result are absent.
 */
export async function resultFacts(em: EntityManager, subjectIds: readonly string[]): Promise<Map<string, FactCounts>> {
  if (subjectIds.length === 0) return new Map();
  const [latest, sources] = await Promise.all([latestEvaluationResults(em, subjectIds), em.find(EvaluationSource, {})]);
  const sourceByCode = new Map(sources.map((s) => [s.code, s]));
  const facts = new Map<string, FactCounts>();
  for (const [subjectId, results] of latest) {
    const counts: FactCounts = {};
    for (const result of results) {
      const source = sourceByCode.get(result.sourceCode);
      if (!source) continue;
      const fact =
        source.kind === EvaluationSourceKind.NATIONAL
          ? `NATIONAL_GRADE_${result.grade}`
          : result.grade === source.scale[0]
            ? 'INDUSTRY_RATING_TOP'
            : result.grade === source.scale[source.scale.length - 1]
              ? 'INDUSTRY_RATING_BOTTOM'
              : null;
      if (fact) counts[fact] = (counts[fact] ?? 0) + 1;
    }
    if (Object.keys(counts).length > 0) facts.set(subjectId, counts);
  }
  return facts;
}
