import { booleanEnv, ConfigError, optionalEnv, portEnv, requireEnv } from '../shared/config/env';
import { DEFAULT_PORTS, portVariable, SUBGRAPH_NAMES, SubgraphName, urlVariable } from '../shared/config/services';
import { internalKey } from '../shared/auth/internal-token';
import type { KeySource } from './auth/identity';
import type { IngestOptions } from './ingest/router';
import { DEFAULT_BATCH_LIMITS } from './ingest/batches';
import { DEFAULT_XLSX_LIMITS } from './ingest/xlsx-limits';
import { tmpdir } from 'node:os';
import { MAX_RECORDS_PER_CALL } from '../shared/reporting/fields';
import type { OperationLimits } from './limits/limits';

export interface GatewayConfig {
  port: number;
  /** The committed, composed supergraph the gateway plans with. */
  supergraphFile: string;
  /** Per-subgraph URL overrides (<NAME>_URL); the others come from the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  production: boolean;
  bodyLimit: string;
  auth: { keys: KeySource; issuer?: string; audience?: string };
  internalKey: Uint8Array;
  rejectUnauthorized: boolean;
  limits: OperationLimits;
  graphiql: boolean;
  /** POST /ingest: the largest file, and how much one report mutation call carries. */
  ingest: IngestOptions;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = env[urlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  const production = optionalEnv('NODE_ENV', 'development', env) === 'production';
  return {
    port: portEnv(portVariable('gateway'), DEFAULT_PORTS.gateway, env),
    supergraphFile: optionalEnv('SUPERGRAPH_FILE', 'supergraph.graphql', env),
    subgraphUrls,
    production,
    bodyLimit: optionalEnv('BODY_LIMIT', '16mb', env),
    auth: { keys: keySource(env), issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined },
    internalKey: internalKey(requireEnv('INTERNAL_SIGNING_KEY', env)),
    rejectUnauthorized: booleanEnv('AUTHZ_REJECT_UNAUTHORIZED', false, env),
    limits: {
      maxDepth: positiveInt('MAX_DEPTH', 12, env),
      maxAliases: positiveInt('MAX_ALIASES', 30, env),
      maxCost: positiveInt('MAX_COST', 1_000_000, env),
    },
    graphiql: booleanEnv('GRAPHIQL', !production, env),
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
    },
  };
}
