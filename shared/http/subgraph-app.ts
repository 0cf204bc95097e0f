import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLSchema } from 'graphql';
import type { EntityManager, MikroORM } from '../db/orm';
import { sqlStatementCount } from '../db/sql-counter';
import type { Logger } from '../logging/logger';
import { formatErrorForClients } from '../graphql/format-error';

/** What every subgraph resolver receives: a request-scoped EntityManager and loaders. */
export interface SubgraphContext<TLoaders> {
  em: EntityManager;
  loaders: TLoaders;
  requestId: string;
}

export interface SubgraphAppOptions<TLoaders> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  /** Called once per request with that request's EntityManager fork. */
  createLoaders(em: EntityManager): TLoaders;
}

export interface SubgraphApp {
  app: Express;
  apollo: ApolloServer<SubgraphContext<unknown>>;
}

/** Builds (without listening) the HTTP app of a subgraph: /graphql, /health, /metrics. */
export async function createSubgraphApp<TLoaders>(options: SubgraphAppOptions<TLoaders>): Promise<SubgraphApp> {
  const { name, schema, orm, logger } = options;
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: formatErrorForClients(logger),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production',
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', service: name });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', service: name });
    }
  });
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(
      '# HELP gusu_sql_statements_total SQL statements sent to the database by this process.\n' +
        '# TYPE gusu_sql_statements_total counter\n' +
        `gusu_sql_statements_total{service="${name}"} ${sqlStatementCount()}\n`,
    );
  });
  app.use(
    '/graphql',
    express.json({ limit: process.env.BODY_LIMIT ?? '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork();
        return {
          em,
          loaders: options.createLoaders(em),
          requestId: req.header('x-request-id') ?? randomUUID(),
        };
      },
    }),
  );
  return { app, apollo: apollo as unknown as ApolloServer<SubgraphContext<unknown>> };
}
