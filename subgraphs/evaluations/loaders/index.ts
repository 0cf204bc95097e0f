import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { EvaluationIndicator } from '../entities/evaluation-indicator';
import { GradeBand } from '../entities/grade-band';
import { SubjectEvaluation } from '../entities/subject-evaluation';
import { supervisionLoaders } from './supervision-loaders';

/** Per-request loaders of the evaluations subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager, today: string) {
  return {
    /** The request's clock (SubgraphContext.today), for code that holds only the loaders. */
    today,
    evaluationBySubject: keyedLoader(em, SubjectEvaluation, 'subjectId'),
    indicatorsByModel: groupedLoader(em, EvaluationIndicator, 'modelVersion', { code: 'asc' }),
    gradesByModel: groupedLoader(em, GradeBand, 'modelVersion', { minScore: 'desc' }),
    ...supervisionLoaders(em),
  };
}

export type EvaluationsLoaders = ReturnType<typeof createLoaders>;
export type EvaluationsContext = SubgraphContext<EvaluationsLoaders>;
