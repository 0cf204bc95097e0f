import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { Commitment } from '../entities/commitment';
import { CommitmentTemplate } from '../entities/commitment-template';

/** Per-request loaders of the commitments subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager) {
  return {
    today: chinaToday(),
    templateById: keyedLoader(em, CommitmentTemplate, 'id'),
    commitmentsBySubject: groupedLoader(em, Commitment, 'subjectId', { signedAt: 'desc', id: 'asc' }),
  };
}

export type CommitmentsLoaders = ReturnType<typeof createLoaders>;
export type CommitmentsContext = SubgraphContext<CommitmentsLoaders>;
