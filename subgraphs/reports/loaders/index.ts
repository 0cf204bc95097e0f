import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';

/**
 * Per-request state of the reports subgraph. No DataLoader is needed: every
 * field reads one report by its number, and no list of reports is exposed.
 */
export function createLoaders(_em: EntityManager, today: string) {
  return { today };
}

export type ReportsLoaders = ReturnType<typeof createLoaders>;
export type ReportsContext = SubgraphContext<ReportsLoaders>;
