import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLError } from 'graphql';
import {
  CHANNEL_HEADER,
  INGEST_FORWARDING_HEADER,
  signIngestForwarding,
  verifyIngestForwarding,
} from '../shared/auth/ingest-forwarding';
import type { Principal } from '../shared/auth/principal';
import { isStaffPrincipal } from '../shared/auth/self';
import { SubgraphName } from '../shared/config/services';
import { faultStatusPlugin, RETRY_AFTER_SECONDS, RETRYABLE_CODES } from '../shared/graphql/fault-status';
import { CLIENT_CODES, formatErrorForClients } from '../shared/graphql/format-error';
import { ShutdownSignal } from '../shared/http/graceful-stop';
import { healthRoutes } from '../shared/http/health-routes';
import { cachedReadiness } from '../shared/http/readiness';
import { REQUEST_ID_HEADER } from '../shared/http/request-id';
import type { Logger } from '../shared/logging/logger';
import { graphqlMetricsPlugin } from '../shared/metrics/graphql-requests';
import { initMetrics } from '../shared/metrics/registry';
import { createAuditRecorder } from './audit/recorder';
import { purposeOf, requestIdOf } from './audit/request-values';
import { createDepartmentDirectory } from './auth/department-directory';
import { ForwardingDataSource, PLANNER_CONFIG } from './auth/forwarding-data-source';
import { createAuthenticator } from './auth/identity';
import { createSubjectLookup } from './auth/subject-lookup';
import { requestChannel } from './auth/submission-channel';
import { loadSupergraph } from './auth/supergraph-rules';
import { InternalTokenSigner } from './auth/token-signer';
import type { GatewayConfig } from './config';
import { nameBadInput } from './errors';
import { graphiqlRouter } from './graphiql/router';
import { GatewayContext, GuardedGateway } from './guarded-gateway';
import { checkDocument, DocumentLimits } from './limits/document-limits';
import { createMetricsApp } from './metrics/metrics-app';
import { gatewayReadiness } from './readiness';
import { callAsGateway } from './transport/gateway-call';
import { forwardedServices, serviceForwarding } from './transport/service-forwarding';
import { SubgraphFetcher } from './transport/subgraph-fetcher';

export interface GatewayServer {
  app: Express;
  /** For the internal listener (GATEWAY_METRICS_PORT): /metrics and /health/subgraphs. */
  metricsApp: Express;
  apollo: ApolloServer<GatewayContext>;
}

/** Builds (without listening) the gateway: /graphql, /graphiql, /health/live, /health/ready (and /health), the pages' paths forwarded to the hall, the uploads and the CSV export to the ingest service; and its metrics app. */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger,
  shutdown = new ShutdownSignal(),
): Promise<GatewayServer> {
  initMetrics('gateway');
  if (config.auth.keys.devSecret !== undefined) {
    logger.warn(
      'AUTH_JWT_SECRET is set: HS256 tokens signed with a shared secret are accepted. DEVELOPMENT ONLY — use AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE alone in production.',
    );
  }
  const { rules, planningSdl } = loadSupergraph(readFileSync(config.supergraphFile, 'utf8'));
  logger.info({ types: rules.types.size, fields: rules.fields.size }, 'access rules read from the supergraph');
  const urls = new Map<string, string>();
  const signer = new InternalTokenSigner(config.internalKey);
  const fetcher = new SubgraphFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl: planningSdl,
    queryPlannerConfig: PLANNER_CONFIG,
    logger,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      urls.set(name, target);
      return new ForwardingDataSource(target, name, signer, fetcher, logger);
    },
  });
  const formatForClients = formatErrorForClients(logger, config.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: new GuardedGateway(gateway, {
      rules,
      limits: config.limits,
      rejectUnauthorized: config.rejectUnauthorized,
      introspectionNeedsAuthentication: config.production,
      recordAudit: createAuditRecorder(() => urls.get('subjects') ?? '', signer, fetcher),
      logger,
    }),
    csrfPrevention: true,
    // index.ts stops the process itself, after the requests in flight (Apollo's handler re-sent the signal: exit 143).
    stopOnTerminationSignals: false,
    // The same token limit on the parse itself, for any document that reaches Apollo another way.
    parseOptions: { maxTokens: config.documentLimits.maxTokens },
    introspection: true,
    includeStacktraceInErrorResponses: !config.production,
    formatError: (formatted, error) => formatForClients(nameBadInput(formatted, error), error),
    // No response cache reads cache hints: computing them parsed every subgraph answer's Cache-Control for nothing.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      faultStatusPlugin<GatewayContext>(CLIENT_CODES),
      graphqlMetricsPlugin<GatewayContext>(CLIENT_CODES),
      { serverWillStart: async () => ({ serverWillStop: () => fetcher.close() }) },
    ],
  });
  await apollo.start();

  const subjects = () => ({ url: urls.get('subjects') ?? '', subgraph: 'subjects' });
  const directory = createDepartmentDirectory(async () => {
    const answer = await callAsGateway<{ departments: { code: string }[] }>(
      fetcher,
      signer,
      subjects(),
      '{ departments { code } }',
    );
    if (!answer.ok || !answer.data?.departments)
      throw new Error(`the department directory could not be read: ${JSON.stringify(answer.errors ?? answer)}`);
    return answer.data.departments.map((d) => d.code);
  });
  const subjectLookup = createSubjectLookup(async (principal) => {
    const answer = await callAsGateway<{ mySubject: { id: string } | null }>(
      fetcher,
      signer,
      subjects(),
      '{ mySubject { id } }',
      {},
      principal,
    );
    if (!answer.ok || answer.errors) throw new Error('the subject could not be looked up');
    return answer.data?.mySubject?.id ?? null;
  });
  const authenticate = createAuthenticator({ ...config.auth, directory, subjects: subjectLookup });
  const app = express();
  app.disable('x-powered-by');
  app.use(
    healthRoutes(
      cachedReadiness(() => gatewayReadiness(directory)),
      shutdown,
    ),
  );
  const uploadProofKey = createPublicKey(config.internalKey);
  app.use(
    serviceForwarding(
      forwardedServices({ hall: config.hallUrl, ingest: config.ingestUrl }, (authorization) =>
        signIngestForwarding(authorization, config.internalKey),
      ),
      logger,
    ),
  );
  if (config.graphiql) app.use(graphiqlRouter('/graphql', !config.production));
  const bodyFor = {
    authenticated: express.json({ limit: config.bodyLimit }),
    anonymous: express.json({ limit: config.publicBodyLimit }),
  };
  app.use(
    '/graphql',
    // The token is verified before the body is read: without one, a caller gets the small public body limit;
    // a refused one is answered at once (401, 403, 503), so a client with an expired token learns so, not 413.
    (req, res, next) => {
      authenticate(req.header('authorization')).then(
        (verified) => {
          // The channel (§6) is settled here, once: the subgraphs read it from the signed principal only.
          const channel = requestChannel(
            verified.channel,
            req.header(CHANNEL_HEADER),
            verifyIngestForwarding(req.header(INGEST_FORWARDING_HEADER), req.header('authorization'), uploadProofKey),
          );
          const principal: Principal = channel ? { ...verified, channel } : verified;
          res.locals.principal = principal;
          // A subject signed in as itself sends what the public sends: the larger body is for staff and systems.
          (isStaffPrincipal(principal) ? bodyFor.authenticated : bodyFor.anonymous)(req, res, next);
        },
        (error: unknown) => refuseToken(error, res),
      );
    },
    documentWithinLimits(config.documentLimits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req.header(REQUEST_ID_HEADER));
        res.setHeader(REQUEST_ID_HEADER, requestId);
        return {
          principal: res.locals.principal as Principal,
          requestId,
          purpose: purposeOf(req.header('x-purpose')),
          authorization: req.header('authorization') ?? null,
        };
      },
    }),
  );
  app.use(bodyRefused);
  return { app, metricsApp: createMetricsApp(urls), apollo };
}

/** A token refused before the body is read, answered as Apollo would have (its code and HTTP status). */
function refuseToken(error: unknown, res: express.Response): void {
  const refusal =
    error instanceof GraphQLError
      ? error
      : new GraphQLError('invalid token', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  const { http, ...extensions } = refusal.extensions as { http?: { status?: number } } & Record<string, unknown>;
  // The directory that could not be read is a fault a retry can get past, as the fault-status plugin answers it.
  if (RETRYABLE_CODES.has(String(extensions.code))) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(http?.status ?? 401).json({ errors: [{ message: refusal.message, extensions }] });
}

/** Tokens and nesting counted on the text before Apollo parses it (the body is already bounded by BODY_LIMIT). */
function documentWithinLimits(limits: DocumentLimits): express.RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    // `?query=a&query=b` arrives as a list: Apollo would take one of them, unchecked.
    if (Array.isArray(req.query.query)) {
      res
        .status(400)
        .json({ errors: [{ message: 'one query parameter at most', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const query =
      typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : undefined;
    const error = query === undefined ? null : checkDocument(query, limits);
    if (!error) return next();
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
  };
}

/**
 * express.json's own errors (an oversized body, malformed JSON, an unknown
 * charset) as GraphQL errors with a code, instead of Express's HTML page; the
 * parser's message is not repeated, as it quotes the body.
 */
function bodyRefused(
  error: { type?: string; status?: number },
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  if (error.type === 'entity.too.large') {
    res
      .status(413)
      .json({ errors: [{ message: 'request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    return;
  }
  if (typeof error.type !== 'string' || typeof error.status !== 'number' || error.status < 400 || error.status >= 500)
    return next(error);
  const message =
    error.type === 'entity.parse.failed'
      ? 'the request body is not valid JSON'
      : `the request body cannot be read (${error.type})`;
  res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}
