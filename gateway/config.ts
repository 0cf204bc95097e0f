import type { KeyObject } from 'node:crypto';
import { booleanEnv, ConfigError, durationEnv, optionalEnv, portEnv, requireEnv } from '../shared/config/env';
import { DEFAULT_GATEWAY_METRICS_PORT, DEFAULT_PORTS, portVariable, SUBGRAPH_NAMES, SubgraphName, urlVariable } from '../shared/config/services';
import { internalPrivateKey } from '../shared/auth/internal-token';
import type { KeySource, TokenLifetime } from './auth/identity';
import type { IngestOptions } from './ingest/router';
import { DEFAULT_UPLOAD_SLOTS } from './ingest/upload-slots';
import { DEFAULT_IDLE_MS } from './ingest/request-body';
import { DEFAULT_BATCH_LIMITS } from './ingest/batches';
import { DEFAULT_XLSX_LIMITS } from './ingest/xlsx-limits';
import { tmpdir } from 'node:os';
import { MAX_RECORDS_PER_CALL } from '../shared/reporting/fields';
import type { DocumentLimits } from './limits/document-limits';
import type { OperationLimits } from './limits/limits';

/**
 * The largest legitimate /graphql call, with room: 5,000 reported records with
 * every field filled (1.6 KB of JSON each, 违法事实 200 characters: 7.8 MB),
 * an ingest batch (INGEST_BATCH_BYTES, 1 MB) or 10,000 screened codes (0.2 MB).
 * Callers with longer texts send fewer records per call, as the ingest does.
 */
const DEFAULT_BODY_LIMIT = '8mb';

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
  auth: { keys: KeySource; issuer?: string; audience?: string; lifetime: TokenLifetime };
  /** Signs the principal for the subgraphs; only the gateway holds it. */
  internalKey: KeyObject;
  rejectUnauthorized: boolean;
  limits: OperationLimits;
  /** Checked on the document's text before it is parsed. */
  documentLimits: DocumentLimits;
  graphiql: boolean;
  /** POST /ingest: the largest file, and how much one report mutation call carries. */
  ingest: IngestOptions;
  /** HALL_URL: the hall process the pages' paths are forwarded to (gateway/transport/hall-forwarding.ts). */
  hallUrl?: string;
}

/** Exactly one way to verify tokens: a JWKS URL or a public key (production), or a shared secret (development). */
function keySource(env: NodeJS.ProcessEnv): KeySource {
  const sources: KeySource[] = [];
  if (env.AUTH_JWKS_URL) sources.push({ kind: 'jwks', url: env.AUTH_JWKS_URL });
  if (env.AUTH_PUBLIC_KEY_FILE) sources.push({ kind: 'public-key-file', path: env.AUTH_PUBLIC_KEY_FILE });
  if (env.AUTH_JWT_SECRET) sources.push({ kind: 'dev-secret', secret: env.AUTH_JWT_SECRET });
  if (sources.length !== 1) {
    throw new ConfigError('set exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE (production) or AUTH_JWT_SECRET (development)');
  }
  return sources[0];
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = optionalEnv(name, String(fallback), env);
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`environment variable ${name} must be a positive integer, got '${raw}'`);
  return value;
}

function batchRows(env: NodeJS.ProcessEnv): number {
  const rows = positiveInt('INGEST_BATCH_ROWS', DEFAULT_BATCH_LIMITS.rows, env);
  if (rows > MAX_RECORDS_PER_CALL) throw new ConfigError(`environment variable INGEST_BATCH_ROWS must be at most ${MAX_RECORDS_PER_CALL}, got ${rows}`);
  return rows;
}

/** GATEWAY_METRICS_PORT (9464) on METRICS_HOST (127.0.0.1: a container sets 0.0.0.0 and does not publish the port). */
function metricsListener(env: NodeJS.ProcessEnv): { port: number; host: string } {
  const port = portEnv('GATEWAY_METRICS_PORT', DEFAULT_GATEWAY_METRICS_PORT, env);
  const publicPort = portEnv(portVariable('gateway'), DEFAULT_PORTS.gateway, env);
  if (port !== 0 && port === publicPort) throw new ConfigError('GATEWAY_METRICS_PORT must differ from GATEWAY_PORT: the metrics are not for the public port');
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
      keys: keySource(env),
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
      lifetime: { maxAgeSeconds: durationEnv('AUTH_MAX_TOKEN_AGE', '12h', env), clockSkewSeconds: durationEnv('AUTH_CLOCK_SKEW', '60s', env) },
    },
    internalKey: internalPrivateKey(requireEnv('INTERNAL_PRIVATE_KEY', env)),
    rejectUnauthorized: booleanEnv('AUTHZ_REJECT_UNAUTHORIZED', false, env),
    limits: {
      maxDepth: positiveInt('MAX_DEPTH', 12, env),
      maxAliases: positiveInt('MAX_ALIASES', 30, env),
      maxCost: positiveInt('MAX_COST', 1_000_000, env),
    },
    publicBodyLimit: optionalEnv('PUBLIC_BODY_LIMIT', '64kb', env),
    documentLimits: {
      maxLength: positiveInt('MAX_DOCUMENT_LENGTH', 100_000, env),
      maxTokens: positiveInt('MAX_TOKENS', 15_000, env),
      maxNesting: positiveInt('MAX_NESTING', 64, env),
    },
    graphiql: booleanEnv('GRAPHIQL', !production, env),
    hallUrl: env.HALL_URL?.trim() || undefined,
    ingest: {
      maxBytes: positiveInt('INGEST_MAX_BYTES', 256 * 1024 * 1024, env),
      inFlight: positiveInt('INGEST_IN_FLIGHT', 1, env),
      batch: {
        rows: batchRows(env),
        bytes: positiveInt('INGEST_BATCH_BYTES', DEFAULT_BATCH_LIMITS.bytes, env),
      },
      xlsx: {
        maxUnzippedBytes: positiveInt('INGEST_XLSX_MAX_UNZIPPED_BYTES', DEFAULT_XLSX_LIMITS.maxUnzippedBytes, env),
        maxRatio: positiveInt('INGEST_XLSX_MAX_RATIO', DEFAULT_XLSX_LIMITS.maxRatio, env),
        maxTempBytes: positiveInt('INGEST_XLSX_MAX_TEMP_BYTES', DEFAULT_XLSX_LIMITS.maxTempBytes, env),
      },
      tempDir: optionalEnv('INGEST_TEMP_DIR', tmpdir(), env),
      slots: {
        total: positiveInt('INGEST_MAX_CONCURRENT', DEFAULT_UPLOAD_SLOTS.total, env),
        perOrg: positiveInt('INGEST_MAX_CONCURRENT_PER_ORG', DEFAULT_UPLOAD_SLOTS.perOrg, env),
      },
      idleMs: positiveInt('INGEST_IDLE_SECONDS', DEFAULT_IDLE_MS / 1000, env) * 1000,
    },
  };
}
