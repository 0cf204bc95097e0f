import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { AppliedEvent } from '../../shared/events/applied-event';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { CommitmentFact } from './entities/commitment-fact';
import { ListRepairRule } from './entities/list-repair-rule';
import { RepairCase } from './entities/repair-case';
import { RepairCaseEvent } from './entities/repair-case-event';
import { RepairDeadlineRule } from './entities/repair-deadline-rule';
import { RepairWindowIntake } from './entities/repair-window-intake';
import { ObjectionCase } from './entities/objection-case';
import { ObjectionCaseEvent } from './entities/objection-case-event';
import { ListEntryFact, ObjectableRecordFact, PenaltyFact } from './entities/target-facts';
import { repairsConsumers } from './events/consumers';
import { createLoaders, RepairsLoaders } from './loaders';
import { migrations } from './migrations';
import { ApplicationResolver } from './resolvers/application.resolver';
import { EligibilityResolver } from './resolvers/eligibility.resolver';
import { RepairIntakeResolver } from './resolvers/intake.resolver';
import { OverdueResolver } from './resolvers/overdue.resolver';
import { objectionCaseReference } from './resolvers/objection-case.reference';
import { repairCaseReference } from './resolvers/repair-case.reference';
import { RepairCaseResolver } from './resolvers/repair-case.resolver';
import { RepairStatsResolver } from './resolvers/stats.resolver';
import { SubjectRepairsResolver } from './resolvers/subject.resolver';
import { RepairWorkflowResolver } from './resolvers/workflow.resolver';
import { ObjectionResolver } from './resolvers/objection.resolver';
import { seedDemoData } from './seed';
import { repairsSelfChecks } from './services/self-checks';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [
    AppliedEvent,
    PenaltyFact,
    ListEntryFact,
    ObjectableRecordFact,
    CommitmentFact,
    RepairCase,
    RepairCaseEvent,
    ListRepairRule,
    RepairDeadlineRule,
    RepairWindowIntake,
    ObjectionCase,
    ObjectionCaseEvent,
  ],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        SubjectRepairsResolver,
        RepairCaseResolver,
        EligibilityResolver,
        ApplicationResolver,
        RepairIntakeResolver,
        RepairWorkflowResolver,
        ObjectionResolver,
        OverdueResolver,
        RepairStatsResolver,
      ],
    },
    { ...repairCaseReference, ...objectionCaseReference },
  );
}

export const repairsSubgraph: SubgraphDefinition<RepairsLoaders> = {
  name: 'repairs',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: repairsConsumers,
  // The subject itself (subject:self): its own repair cases, reached from its Subject (not by id from the root).
  selfChecks: repairsSelfChecks,
};
