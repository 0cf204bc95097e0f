import { groupedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { CatalogueLine } from '../entities/catalogue-line';

/** Per-request loaders of the exchange subgraph. */
export function createLoaders(em: EntityManager, today: string) {
  return {
    today,
    /** A catalogue version's lines, by receiver and kind. */
    linesByVersion: groupedLoader(em, CatalogueLine, 'versionId', { receiverCode: 'asc', kind: 'asc' }),
  };
}

export type ExchangeLoaders = ReturnType<typeof createLoaders>;
export type ExchangeContext = SubgraphContext<ExchangeLoaders>;
