import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { RepairCase } from '../entities/repair-case';

/** Per-request loaders of the repairs subgraph. */
export function createLoaders(em: EntityManager) {
  return {
    caseById: keyedLoader(em, RepairCase, 'id'),
    casesBySubject: groupedLoader(em, RepairCase, 'subjectId', { submittedAt: 'desc', id: 'asc' }),
  };
}

export type RepairsLoaders = ReturnType<typeof createLoaders>;
export type RepairsContext = SubgraphContext<RepairsLoaders>;
