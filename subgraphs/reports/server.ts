import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { recordOfSelf } from '../../shared/auth/self';
import { CreditReport } from './entities/credit-report';
import { DecisionDocumentRecord } from './entities/decision-document-record';
import { ReportValidityRule } from './entities/report-validity-rule';
import { createLoaders, ReportsLoaders } from './loaders';
import { migrations } from './migrations';
import { CreditReportResolver } from './resolvers/credit-report.resolver';
import { DecisionDocumentResolver } from './resolvers/decision-document.resolver';
import { VerifyCreditReportResolver } from './resolvers/verify-report.resolver';

/** The root fields that find the subject's own object themselves (another's answers as none does). */
const SELF_QUERIES: ReadonlySet<string> = new Set(['decisionDocument', 'creditReportDocument']);
const SELF_MUTATIONS: ReadonlySet<string> = new Set(['issueDecisionDocument', 'issueMyCreditReport']);

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [CreditReport, ReportValidityRule, DecisionDocumentRecord],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [CreditReportResolver, VerifyCreditReportResolver, DecisionDocumentResolver] });
}

export const reportsSubgraph: SubgraphDefinition<ReportsLoaders> = {
  name: 'reports',
  database,
  buildSchema,
  createLoaders,
  // Reports are issued, never seeded: the demo dataset has none.
  seedDemoData: async () => undefined,
  consumers: [],
  // A subject issues and reads decision documents and its own credit reports: whose they are, is the gathered
  // read's to say (issuing: its case, mySubject) and the stored record's (reading by number); each field of the
  // answer is then checked against its subject.
  selfChecks: {
    Query: (_source, _ctx, info) => SELF_QUERIES.has(info.fieldName),
    Mutation: (_source, _ctx, info) => SELF_MUTATIONS.has(info.fieldName),
    DecisionDocument: recordOfSelf,
    IssuedCreditReport: recordOfSelf,
    CreditReportDocument: recordOfSelf,
  },
};
