import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import { recordOfSelf } from '../../shared/auth/self';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { Commitment } from './entities/commitment';
import { CommitmentEvent } from './entities/commitment-event';
import { CommitmentTemplate } from './entities/commitment-template';
import { CommitmentTemplateVersion } from './entities/commitment-template-version';
import { CommitmentsLoaders, createLoaders } from './loaders';
import { migrations } from './migrations';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { CommitmentTemplateResolver } from './resolvers/commitment-template.resolver';
import { PublicCommitmentsResolver } from './resolvers/public-commitments.resolver';
import { SignCommitmentResolver } from './resolvers/sign.resolver';
import { SubjectCommitmentsResolver } from './resolvers/subject.resolver';
import { TemplateVersionResolver } from './resolvers/template-version.resolver';
import { CommitmentTransitionsResolver } from './resolvers/transitions.resolver';
import { seedDemoData } from './seed';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [Commitment, CommitmentTemplate, CommitmentTemplateVersion, CommitmentEvent],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      SubjectCommitmentsResolver,
      PublicCommitmentsResolver,
      CommitmentResolver,
      CommitmentTemplateResolver,
      SignCommitmentResolver,
      CommitmentTransitionsResolver,
      TemplateVersionResolver,
    ],
  });
}

export const commitmentsSubgraph: SubgraphDefinition<CommitmentsLoaders> = {
  name: 'commitments',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: [],
  // The subject itself (subject:self): the contract, reference and history of its own commitments.
  selfChecks: { Commitment: recordOfSelf },
};
