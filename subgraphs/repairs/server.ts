import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { RepairCase } from './entities/repair-case';
import { createLoaders, RepairsLoaders } from './loaders';
import { migrations } from './migrations';
import { repairCaseReference } from './resolvers/repair-case.reference';
import { RepairCaseResolver } from './resolvers/repair-case.resolver';
import { SubjectRepairsResolver } from './resolvers/subject.resolver';
import { seedDemoData } from './seed';
import { repairsConsumers } from './events/consumers';
import { AppliedEvent } from '../../shared/events/applied-event';
import { ListEntryFact, PenaltyFact } from './entities/target-facts';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [AppliedEvent, PenaltyFact, ListEntryFact, RepairCase],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [SubjectRepairsResolver, RepairCaseResolver] }, repairCaseReference);
}

export const repairsSubgraph: SubgraphDefinition<RepairsLoaders> = {
  name: 'repairs',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: repairsConsumers,
};
