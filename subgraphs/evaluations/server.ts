import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { AppliedEvent } from '../../shared/events/applied-event';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { EvaluationIndicator } from './entities/evaluation-indicator';
import { EvaluationModel } from './entities/evaluation-model';
import { CommitmentFact, LicenseFact, ListEntryFact, PenaltyFact, RepairFact } from './entities/facts';
import { GradeBand } from './entities/grade-band';
import { SubjectEvaluation } from './entities/subject-evaluation';
import { SubjectIndex } from './entities/subject-index';
import { SubjectRef } from './entities/stubs';
import { evaluationsConsumers } from './events/consumers';
import { createLoaders, EvaluationsLoaders } from './loaders';
import { migrations } from './migrations';
import { EvaluationModelResolver } from './resolvers/model.resolver';
import { SubjectEvaluationResolver } from './resolvers/subject.resolver';
import { seedDemoData } from './seed';
import { startEvaluationSweep } from './services/sweep';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [
    AppliedEvent,
    // The model (CORE)
    EvaluationModel,
    EvaluationIndicator,
    GradeBand,
    // The facts and results (CORE)
    SubjectIndex,
    PenaltyFact,
    ListEntryFact,
    CommitmentFact,
    LicenseFact,
    RepairFact,
    SubjectEvaluation,
  ],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      // The model, scores and distribution (CORE)
      SubjectEvaluationResolver,
      EvaluationModelResolver,
    ],
    // Subject is reached from no query of this subgraph, only through the fields it adds.
    orphanedTypes: [SubjectRef],
  });
}

export const evaluationsSubgraph: SubgraphDefinition<EvaluationsLoaders> = {
  name: 'evaluations',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: evaluationsConsumers,
  afterStart: startEvaluationSweep,
};
