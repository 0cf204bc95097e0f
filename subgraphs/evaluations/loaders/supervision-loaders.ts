import DataLoader from 'dataloader';
import { groupedLoader, keyedLoader, referenceTableLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import { EvaluationImportRejection } from '../entities/evaluation-import-rejection';
import { EvaluationSource } from '../entities/evaluation-source';
import { SpotCheckItem } from '../entities/spot-check-item';
import { SubjectIndex } from '../entities/subject-index';
import type { SupervisionRule } from '../entities/supervision-rule';
import { latestEvaluationResults } from '../repositories/latest-evaluation-results';
import { supervisionRules } from '../services/supervision';

/** The loaders of the imports, supervision rules and spot checks (spread into createLoaders). */
export function supervisionLoaders(em: EntityManager) {
  let rules: Promise<SupervisionRule[]> | undefined;
  return {
    sourceByCode: referenceTableLoader(em, EvaluationSource, 'code'),
    latestResultsBySubject: new DataLoader(async (ids: readonly string[]) => {
      const bySubject = await latestEvaluationResults(em, ids);
      return ids.map((id) => bySubject.get(id) ?? []);
    }),
    rejectionsByBatch: groupedLoader(em, EvaluationImportRejection, 'batchId', { row: 'asc' }),
    itemsByDraw: groupedLoader(em, SpotCheckItem, 'drawId', { position: 'asc' }),
    indexedSubjectById: keyedLoader(em, SubjectIndex, 'id'),
    /** The whole supervision rule table, read at most once per request. */
    supervisionRules: (): Promise<SupervisionRule[]> => (rules ??= supervisionRules(em)),
  };
}
