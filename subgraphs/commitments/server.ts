import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { Commitment } from './entities/commitment';
import { CommitmentTemplate } from './entities/commitment-template';
import { CommitmentsLoaders, createLoaders } from './loaders';
import { migrations } from './migrations';
import { CommitmentResolver, CommitmentTemplateResolver } from './resolvers/commitment.resolver';
import { SubjectCommitmentsResolver } from './resolvers/subject.resolver';
import { seedDemoData } from './seed';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [Commitment, CommitmentTemplate],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [SubjectCommitmentsResolver, CommitmentResolver, CommitmentTemplateResolver] });
}

export const commitmentsSubgraph: SubgraphDefinition<CommitmentsLoaders> = {
  name: 'commitments',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: [],
};
