import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { subjectRefOfSelf } from '../../shared/auth/self';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { AppliedEvent } from '../../shared/events/applied-event';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { EvaluationImportBatch } from './entities/evaluation-import-batch';
import { EvaluationImportRejection } from './entities/evaluation-import-rejection';
import { EvaluationIndicator } from './entities/evaluation-indicator';
import { EvaluationModel } from './entities/evaluation-model';
import { EvaluationResult } from './entities/evaluation-result';
import { EvaluationSource } from './entities/evaluation-source';
import { CommitmentFact, LicenseFact, ListEntryFact, PenaltyFact, RepairFact } from './entities/facts';
import { GradeBand } from './entities/grade-band';
import { SpotCheckDraw } from './entities/spot-check-draw';
import { SpotCheckItem } from './entities/spot-check-item';
import { SubjectEvaluation } from './entities/subject-evaluation';
import { SubjectIndex } from './entities/subject-index';
import { SubjectRef } from './entities/stubs';
import { SupervisionRule } from './entities/supervision-rule';
import { evaluationsConsumers } from './events/consumers';
import { createLoaders, EvaluationsLoaders } from './loaders';
import { migrations } from './migrations';
import { EvaluationImportResolver } from './resolvers/evaluation-import.resolver';
import { EvaluationResultResolver } from './resolvers/evaluation-result.resolver';
import { EvaluationModelResolver } from './resolvers/model.resolver';
import { SpotCheckItemResolver } from './resolvers/spot-check-item.resolver';
import { SpotCheckResolver } from './resolvers/spot-check.resolver';
import { SubjectSupervisionResolver } from './resolvers/subject-supervision.resolver';
import { GradeDistributionResolver } from './resolvers/distribution.resolver';
import { PublishEvaluationModelResolver } from './resolvers/publish-model.resolver';
import { SubjectEvaluationResolver } from './resolvers/subject.resolver';
import { SupervisionRulesResolver } from './resolvers/supervision-rules.resolver';
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
    // Imported results, supervision rules and spot checks (SUPERVISION)
    EvaluationSource,
    EvaluationResult,
    EvaluationImportBatch,
    EvaluationImportRejection,
    SupervisionRule,
    SpotCheckDraw,
    SpotCheckItem,
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
      PublishEvaluationModelResolver,
      GradeDistributionResolver,
      // Imported results, supervision rules and spot checks (SUPERVISION)
      EvaluationImportResolver,
      EvaluationResultResolver,
      SubjectSupervisionResolver,
      SupervisionRulesResolver,
      SpotCheckResolver,
      SpotCheckItemResolver,
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
  // The subject itself (subject:self): its own district evaluation (to object to it; its own report prints it), no other's.
  selfChecks: { Subject: subjectRefOfSelf },
  afterStart: startEvaluationSweep,
};
