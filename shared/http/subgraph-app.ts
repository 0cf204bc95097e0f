import { KeyObject } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { CALLER_AUTHORIZATION_HEADER } from '../auth/caller-authorization';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from '../auth/internal-token';
import type { Principal } from '../auth/principal';
import type { EntityManager, MikroORM } from '../db/orm';
import { chinaToday } from '../domain/today';
import { CLIENT_CODES, formatErrorForClients } from '../graphql/format-error';
import { checkOperationInputs } from '../graphql/input-limits';
import type { Logger } from '../logging/logger';
import { graphqlMetricsPlugin } from '../metrics/graphql-requests';
import { initMetrics, scrape } from '../metrics/registry';
import { ShutdownSignal } from './graceful-stop';
import { healthRoutes } from './health-routes';
import { cachedReadiness, within } from './readiness';
import { newRequestId, REQUEST_ID_HEADER, requestIdOf } from './request-id';

/** What every subgraph resolver receives: who asks, a request-scoped EntityManager and loaders. */
export interface SubgraphContext<TLoaders> {
  principal: Principal;
  em: EntityManager;
  loaders: TLoaders;
  requestId: string;
  /** The request's one clock: today in China ('YYYY-MM-DD'), read once when the request starts (shared/domain/today.ts). */
  today: string;
  /** The caller's own Authorization header, which the gateway passes only to a subgraph that calls it as the caller (shared/auth/caller-authorization.ts). */
  callerAuthorization: string | null;
}

export interface SubgraphAppOptions<TLoaders> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  /** Verifies the gateway's internal token (INTERNAL_PUBLIC_KEY). */
  internalKey: KeyObject;
  /** Called once per request with that request's EntityManager fork and its clock. */
  createLoaders(em: EntityManager, today: string): TLoaders;
  /** Set when the process is stopping: /health/ready answers 503 from then on. */
  shutdown?: ShutdownSignal;
}

/** A readiness probe's `select 1` waits no longer than this (a pool exhausted by slow statements included). */
const DATABASE_CHECK_MS = 1000;

export interface SubgraphApp {
  app: Express;
  apollo: ApolloServer<SubgraphContext<unknown>>;
}

/** No data without a valid token from the gateway: missing, forged, expired or for another subgraph is 401. */
async function forwardedPrincipal(token: string | undefined, audience: string, key: KeyObject): Promise<Principal> {
  if (!token) throw unauthenticated('this service answers the gateway only (no internal token)');
  try {
    return await verifyInternalToken(token, audience, key);
  } catch {
    throw unauthenticated('this service answers the gateway only (invalid internal token)');
  }
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Builds (without listening) the HTTP app of a subgraph: /graphql, /health/live, /health/ready (and /health), /metrics. */
export async function createSubgraphApp<TLoaders>(options: SubgraphAppOptions<TLoaders>): Promise<SubgraphApp> {
  const { name, schema, orm, logger } = options;
  initMetrics(name);
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    // run-subgraph.ts stops the process itself, after the requests in flight (Apollo's handler re-sent the signal: exit 143).
    stopOnTerminationSignals: false,
    formatError: formatErrorForClients(logger),
    // Nobody reads traces or cache hints here; either plugin alone wraps every field resolver (screening 10,000 codes resolves ~300,000 fields).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin<SubgraphContext<TLoaders>>(CLIENT_CODES),
      // The gateway's input bounds again, on this subgraph's schema: a misconfigured gateway still lets no NUL byte or unbounded text reach SQL.
      {
        requestDidStart: async () => ({
          didResolveOperation: async ({ schema: resolved, document, operation, request }) => {
            const error = operation
              ? checkOperationInputs(resolved, document, operation, request.variables ?? {})
              : null;
            if (error) throw error;
          },
        }),
      },
    ],
    includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production',
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // A subgraph's own dependency is its database; the port is internal, so /metrics is served here.
  const ready = cachedReadiness(async () => {
    try {
      await within(DATABASE_CHECK_MS, orm.em.getConnection().execute('select 1'));
      return { ready: true, checks: { database: 'ok' } };
    } catch (error) {
      logger.error({ err: error }, 'readiness check: the database did not answer');
      return { ready: false, checks: { database: 'unavailable' } };
    }
  });
  app.use(healthRoutes(ready, options.shutdown ?? new ShutdownSignal()));
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await scrape();
    res.type(contentType).send(body);
  });
  app.use(
    '/graphql',
    // The gateway's token is checked before the body is read: a direct caller without one gets 401, not a parse.
    (req, res, next) => {
      forwardedPrincipal(req.header(INTERNAL_TOKEN_HEADER), name, options.internalKey).then(
        (principal) => {
          res.locals.principal = principal;
          next();
        },
        (error: GraphQLError) =>
          void res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
    },
    express.json({ limit: process.env.BODY_LIMIT ?? '16mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const principal = res.locals.principal as Principal;
        const em = orm.em.fork();
        const today = chinaToday();
        return {
          principal,
          em,
          loaders: options.createLoaders(em, today),
          // The gateway's id for the request (it checked it); a caller reaching the subgraph another way gets a new one.
          requestId: requestIdOf(req.header(REQUEST_ID_HEADER)) ?? newRequestId(),
          today,
          callerAuthorization: req.header(CALLER_AUTHORIZATION_HEADER) ?? null,
        };
      },
    }),
  );
  return { app, apollo: apollo as unknown as ApolloServer<SubgraphContext<unknown>> };
}
