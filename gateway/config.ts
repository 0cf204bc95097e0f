import type { KeyObject } from 'node:crypto';
import { internalPrivateKey } from '../shared/auth/internal-token';
import {
  booleanEnv,
  ConfigError,
  durationEnv,
  optionalEnv,
  portEnv,
  positiveIntEnv,
  requireEnv,
} from '../shared/config/env';
import {
  DEFAULT_GATEWAY_METRICS_PORT,
  DEFAULT_PORTS,
  portVariable,
  SUBGRAPH_NAMES,
  SubgraphName,
  urlVariable,
} from '../shared/config/services';
import type { AsymmetricKeySource, KeySources, TokenLifetime } from './auth/identity';
import type { DocumentLimits } from './limits/document-limits';
import type { OperationLimits } from './limits/limits';

/**
 * The largest legitimate /graphql call, with room: 5,000 reported records with
 * every field filled (1.6 KB of JSON each, 违法事实 200 characters: 7.8 MB),
 * an ingest service's batch (INGEST_BATCH_BYTES, 1 MB) or 10,000 screened codes (0.2 MB).
 * Callers with longer texts send fewer records per call, as the ingest does.
 */
const DEFAULT_BODY_LIMIT = '8mb';

/** The hall's client (OIDC_CLIENT_ID, and the development provider's DEV_IDP_CLIENT_ID): GraphiQL signs in through it too. */
const DEFAULT_SESSION_CLIENTS = 'gusu-hall';

export interface GatewayConfig {
  port: number;
  /** The internal listener for /metrics and /health/subgraphs: never the public port. */
  metrics: { port: number; host: string };
  /** The committed, composed supergraph the gateway plans with. */
  supergraphFile: string;
  /** Per-subgraph URL overrides (<NAME>_URL); the others come from the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  production: boolean;
  bodyLimit: string;
  /** The body limit for a request without a valid token: the public reads published lists, it reports nothing. */
  publicBodyLimit: string;
  auth: {
    keys: KeySources;
    issuer?: string;
    audience?: string;
    lifetime: TokenLifetime;
    /** AUTH_SESSION_CLIENTS: the identity provider's clients people sign in through (their tokens are MANUAL). */
    sessionClients: string[];
  };
  /** Signs the principal for the subgraphs; only the gateway holds it. */
  internalKey: KeyObject;
  rejectUnauthorized: boolean;
  limits: OperationLimits;
  /** Checked on the document's text before it is parsed. */
  documentLimits: DocumentLimits;
  graphiql: boolean;
  /** HALL_URL: the hall process the pages' paths are forwarded to (gateway/transport/service-forwarding.ts). */
  hallUrl?: string;
  /** INGEST_URL: the ingest process POST /ingest/… and the CSV export are forwarded to (the same table). */
  ingestUrl?: string;
}

/**
 * How tokens are verified: at most one production key source (a JWKS URL or a public key file), and
 * the development HS256 secret beside it or alone — people sign in through the identity provider
 * while scripts and terminals under test keep their `npm run token` tokens.
 */
function keySources(env: NodeJS.ProcessEnv): KeySources {
  const asymmetric: AsymmetricKeySource[] = [];
  if (env.AUTH_JWKS_URL) asymmetric.push({ kind: 'jwks', url: env.AUTH_JWKS_URL });
  if (env.AUTH_PUBLIC_KEY_FILE) asymmetric.push({ kind: 'public-key-file', path: env.AUTH_PUBLIC_KEY_FILE });
  if (asymmetric.length > 1) throw new ConfigError('set at most one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE');
  if (asymmetric.length === 0 && !env.AUTH_JWT_SECRET) {
    throw new ConfigError(
      'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE (production), AUTH_JWT_SECRET (development), or one of the first two with the third',
    );
  }
  return {
    ...(asymmetric.length ? { asymmetric: asymmetric[0] } : {}),
    ...(env.AUTH_JWT_SECRET ? { devSecret: env.AUTH_JWT_SECRET } : {}),
  };
}

/** GATEWAY_METRICS_PORT (9464) on METRICS_HOST (127.0.0.1: a container sets 0.0.0.0 and does not publish the port). */
function metricsListener(env: NodeJS.ProcessEnv): { port: number; host: string } {
  const port = portEnv('GATEWAY_METRICS_PORT', DEFAULT_GATEWAY_METRICS_PORT, env);
  const publicPort = portEnv(portVariable('gateway'), DEFAULT_PORTS.gateway, env);
  if (port !== 0 && port === publicPort)
    throw new ConfigError(
      'GATEWAY_METRICS_PORT must differ from GATEWAY_PORT: the metrics are not for the public port',
    );
  return { port, host: optionalEnv('METRICS_HOST', '127.0.0.1', env) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = env[urlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  const production = optionalEnv('NODE_ENV', 'development', env) === 'production';
  return {
    port: portEnv(portVariable('gateway'), DEFAULT_PORTS.gateway, env),
    metrics: metricsListener(env),
    supergraphFile: optionalEnv('SUPERGRAPH_FILE', 'supergraph.graphql', env),
    subgraphUrls,
    production,
    bodyLimit: optionalEnv('BODY_LIMIT', DEFAULT_BODY_LIMIT, env),
    auth: {
      keys: keySources(env),
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
      lifetime: {
        maxAgeSeconds: durationEnv('AUTH_MAX_TOKEN_AGE', '12h', env),
        clockSkewSeconds: durationEnv('AUTH_CLOCK_SKEW', '60s', env),
      },
      sessionClients: optionalEnv('AUTH_SESSION_CLIENTS', DEFAULT_SESSION_CLIENTS, env)
        .split(',')
        .map((client) => client.trim())
        .filter((client) => client !== ''),
    },
    internalKey: internalPrivateKey(requireEnv('INTERNAL_PRIVATE_KEY', env)),
    rejectUnauthorized: booleanEnv('AUTHZ_REJECT_UNAUTHORIZED', false, env),
    limits: {
      maxDepth: positiveIntEnv('MAX_DEPTH', 12, env),
      maxAliases: positiveIntEnv('MAX_ALIASES', 30, env),
      maxCost: positiveIntEnv('MAX_COST', 1_000_000, env),
    },
    publicBodyLimit: optionalEnv('PUBLIC_BODY_LIMIT', '64kb', env),
    documentLimits: {
      maxLength: positiveIntEnv('MAX_DOCUMENT_LENGTH', 100_000, env),
      maxTokens: positiveIntEnv('MAX_TOKENS', 15_000, env),
      maxNesting: positiveIntEnv('MAX_NESTING', 64, env),
    },
    graphiql: booleanEnv('GRAPHIQL', !production, env),
    hallUrl: env.HALL_URL?.trim() || undefined,
    ingestUrl: env.INGEST_URL?.trim() || undefined,
  };
}
