import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { Commitment } from '../entities/commitment';
import { CommitmentEvent } from '../entities/commitment-event';
import { CommitmentTemplate } from '../entities/commitment-template';
import { CommitmentTemplateVersion } from '../entities/commitment-template-version';

/** Per-request loaders of the commitments subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager, today: string) {
  return {
    /** The request's clock (SubgraphContext.today), for code that holds only the loaders. */
    today,
    templateById: keyedLoader(em, CommitmentTemplate, 'id'),
    versionById: keyedLoader(em, CommitmentTemplateVersion, 'id'),
    versionsByTemplate: groupedLoader(em, CommitmentTemplateVersion, 'templateId', { version: 'asc' }),
    commitmentById: keyedLoader(em, Commitment, 'id'),
    commitmentsBySubject: groupedLoader(em, Commitment, 'subjectId', { signedAt: 'desc', id: 'asc' }),
    historyByCommitment: groupedLoader(em, CommitmentEvent, 'commitmentId', { occurredAt: 'asc', id: 'asc' }),
  };
}

export type CommitmentsLoaders = ReturnType<typeof createLoaders>;
export type CommitmentsContext = SubgraphContext<CommitmentsLoaders>;
