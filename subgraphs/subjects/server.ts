import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { CalendarDayRow, CalendarYearRow } from '../../shared/db/calendar';
import { CalendarChange } from './entities/calendar-change';
import { HolidayCalendarResolver } from './resolvers/holiday-calendar.resolver';
import { AdministrativeAction } from './entities/administrative-action';
import { AdministrativeLicense } from './entities/administrative-license';
import { AuditEvent } from './entities/audit-event';
import { AdministrativePenalty } from './entities/administrative-penalty';
import { Department } from './entities/department';
import { DirectoryChange } from './entities/directory-change';
import { ReportingDelegation } from './entities/reporting-delegation';
import { PenaltyRepublish } from './entities/penalty-republish';
import { RecordRepublish } from './entities/record-republish';
import { PublicityRepairRule } from './entities/publicity-repair-rule';
import { ReportingRule } from './entities/reporting-rule';
import { StreetGazetteer } from './entities/street-gazetteer';
import { Subject } from './entities/subject';
import { Submission } from './entities/submission';
import { createLoaders, SubjectsLoaders } from './loaders';
import { migrations } from './migrations';
import { AuditResolver } from './resolvers/audit.resolver';
import { departmentReference } from './resolvers/department.reference';
import { DepartmentResolver } from './resolvers/department.resolver';
import { DirectoryResolver } from './resolvers/directory.resolver';
import { PublicityQualityResolver } from './resolvers/publicity-quality.resolver';
import { ActionResolver, LicenseResolver, PenaltyResolver } from './resolvers/record.resolver';
import { ReportResolver } from './resolvers/report.resolver';
import { LicenseStatusResolver } from './resolvers/license.resolver';
import { DeadLetterResolver } from './resolvers/dead-letter.resolver';
import { subjectReference } from './resolvers/subject.reference';
import { SubjectResolver } from './resolvers/subject.resolver';
import { subjectsSelfChecks } from './services/self-checks';
import { seedDemoData } from './seed';
import { subjectsConsumers } from './events/consumers';
import { republishQueuedPenalties } from './services/republish-penalties';
import { republishQueuedRecords } from './services/republish-records';
import { sweepPublicityDates } from './services/publicity-date-sweep';
import { backfillExchangeRecords } from './services/exchange-backfill';
import { startDateSweep } from '../../shared/db/date-sweep';
import { deriveMissingStreets } from './services/street-backfill';
import { AppliedEvent } from '../../shared/events/applied-event';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [AppliedEvent, Subject, Department, AdministrativeLicense, AdministrativePenalty, AdministrativeAction, Submission, PublicityRepairRule, PenaltyRepublish, RecordRepublish, ReportingRule, AuditEvent, ReportingDelegation, DirectoryChange, CalendarYearRow, CalendarDayRow, CalendarChange, StreetGazetteer],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [SubjectResolver, DepartmentResolver, PenaltyResolver, LicenseResolver, ActionResolver, LicenseStatusResolver, ReportResolver, PublicityQualityResolver, AuditResolver, DeadLetterResolver, DirectoryResolver, HolidayCalendarResolver] },
    { ...subjectReference, ...departmentReference },
  );
}

export const subjectsSubgraph: SubgraphDefinition<SubjectsLoaders> = {
  name: 'subjects',
  database,
  buildSchema,
  createLoaders,
  seedDemoData,
  consumers: subjectsConsumers,
  selfChecks: subjectsSelfChecks,
  afterStart: async (em, logger, shutdown) => {
    await republishQueuedPenalties(em, logger);
    await republishQueuedRecords(em, logger);
    await deriveMissingStreets(em, logger);
    await startDateSweep(em, logger, 'penalty publicity', sweepPublicityDates);
    await backfillExchangeRecords(em, logger, shutdown);
  },
};
