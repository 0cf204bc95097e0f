import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { CreditReport } from './entities/credit-report';
import { ReportValidityRule } from './entities/report-validity-rule';
import { createLoaders, ReportsLoaders } from './loaders';
import { migrations } from './migrations';
import { CreditReportResolver } from './resolvers/credit-report.resolver';
import { VerifyCreditReportResolver } from './resolvers/verify-report.resolver';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [CreditReport, ReportValidityRule],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [CreditReportResolver, VerifyCreditReportResolver] });
}

export const reportsSubgraph: SubgraphDefinition<ReportsLoaders> = {
  name: 'reports',
  database,
  buildSchema,
  createLoaders,
  // Reports are issued, never seeded: the demo dataset has none.
  seedDemoData: async () => undefined,
  consumers: [],
};
