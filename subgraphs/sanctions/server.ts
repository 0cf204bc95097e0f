import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import { recordOfSelf, subjectRefOfSelf } from '../../shared/auth/self';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { ListEntry } from './entities/list-entry';
import { ListEntryEvent } from './entities/list-entry-event';
import { ListKind } from './entities/list-kind';
import { ListKindResolver } from './resolvers/list-kind.resolver';
import { ListRule } from './entities/list-rule';
import { ListWorkflowResolver } from './resolvers/list-workflow.resolver';
import { FeedbackResolver } from './resolvers/feedback.resolver';
import { ReportingComplianceResolver } from './resolvers/reporting-compliance.resolver';
import { MeasureApplication, Screening, ScreeningResult } from './entities/screening';
import { Measure } from './entities/measure';
import { SubjectIndex } from './entities/subject-index';
import { SubjectEvaluationFact } from './entities/subject-evaluation-fact';
import { UpperListImport } from './entities/upper-list-import';
import { UpperListResolver } from './resolvers/upper-list.resolver';
import { ScreeningVerdict } from './entities/screening-verdict';
import { createLoaders, SanctionsLoaders } from './loaders';
import { migrations } from './migrations';
import { listEntryReference } from './resolvers/list-entry.reference';
import { ListEntryResolver } from './resolvers/list-entry.resolver';
import { MeasureResolver } from './resolvers/measure.resolver';
import { PublishedListResolver } from './resolvers/published-list.resolver';
import { ScreenResolver } from './resolvers/screen.resolver';
import { SubjectListsResolver } from './resolvers/subject.resolver';
import { seedDemoData } from './seed';
import { sanctionsConsumers } from './events/consumers';
import { announcePendingKinds } from './events/announce-kinds';
import { sweepEntryDates } from './services/entry-date-sweep';
import { backfillExchangeEntries } from './services/exchange-backfill';
import { startDateSweep } from '../../shared/db/date-sweep';
import { AppliedEvent } from '../../shared/events/applied-event';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [AppliedEvent, ListEntry, ListEntryEvent, ListKind, ListRule, Measure, SubjectIndex, Screening, ScreeningResult, MeasureApplication, SubjectEvaluationFact, UpperListImport, ScreeningVerdict],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [SubjectListsResolver, ListEntryResolver, ListWorkflowResolver, ScreenResolver, FeedbackResolver, ReportingComplianceResolver, PublishedListResolver, MeasureResolver, ListKindResolver, UpperListResolver] },
    listEntryReference,
  );
}

export const sanctionsSubgraph: SubgraphDefinition<SanctionsLoaders> = {
  name: 'sanctions',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: sanctionsConsumers,
  // The subject itself (subject:self): its own list entries, their history and its credit status.
  selfChecks: { Subject: subjectRefOfSelf, ListEntry: recordOfSelf },
  afterStart: async (em, logger, shutdown) => {
    await announcePendingKinds(em, logger);
    await startDateSweep(em, logger, 'list entry validity', sweepEntryDates);
    await backfillExchangeEntries(em, logger, shutdown);
  },
};
