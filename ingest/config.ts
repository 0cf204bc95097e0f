import { tmpdir } from 'node:os';
import { ConfigError, optionalEnv, portEnv, positiveIntEnv } from '../shared/config/env';
import { DEFAULT_PORTS, portVariable } from '../shared/config/services';
import { MAX_RECORDS_PER_CALL } from '../shared/reporting/fields';
import { DEFAULT_XLSX_LIMITS } from './files/xlsx-limits';
import { DEFAULT_BATCH_LIMITS } from './upload/batches';
import { DEFAULT_IDLE_MS } from './upload/request-body';
import type { IngestOptions } from './upload/router';
import { DEFAULT_UPLOAD_SLOTS } from './upload/upload-slots';

/** The ingest process: reporting by file (POST /ingest/…) and the CSV export, forwarded to it by the gateway. */
export interface IngestConfig {
  port: number;
  /** Loopback unless a container needs 0.0.0.0: only the gateway (which forwards /ingest/…) talks to it. */
  host: string;
  /** The largest file, how much one report mutation call carries, how many uploads at once. */
  ingest: IngestOptions;
}

function batchRows(env: NodeJS.ProcessEnv): number {
  const rows = positiveIntEnv('INGEST_BATCH_ROWS', DEFAULT_BATCH_LIMITS.rows, env);
  if (rows > MAX_RECORDS_PER_CALL)
    throw new ConfigError(
      `environment variable INGEST_BATCH_ROWS must be at most ${MAX_RECORDS_PER_CALL}, got ${rows}`,
    );
  return rows;
}

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  return {
    port: portEnv(portVariable('ingest'), DEFAULT_PORTS.ingest, env),
    host: optionalEnv('BIND_HOST', '127.0.0.1', env),
    ingest: {
      maxBytes: positiveIntEnv('INGEST_MAX_BYTES', 256 * 1024 * 1024, env),
      inFlight: positiveIntEnv('INGEST_IN_FLIGHT', 1, env),
      batch: {
        rows: batchRows(env),
        bytes: positiveIntEnv('INGEST_BATCH_BYTES', DEFAULT_BATCH_LIMITS.bytes, env),
      },
      xlsx: {
        maxUnzippedBytes: positiveIntEnv('INGEST_XLSX_MAX_UNZIPPED_BYTES', DEFAULT_XLSX_LIMITS.maxUnzippedBytes, env),
        maxRatio: positiveIntEnv('INGEST_XLSX_MAX_RATIO', DEFAULT_XLSX_LIMITS.maxRatio, env),
        maxTempBytes: positiveIntEnv('INGEST_XLSX_MAX_TEMP_BYTES', DEFAULT_XLSX_LIMITS.maxTempBytes, env),
      },
      tempDir: optionalEnv('INGEST_TEMP_DIR', tmpdir(), env),
      slots: {
        total: positiveIntEnv('INGEST_MAX_CONCURRENT', DEFAULT_UPLOAD_SLOTS.total, env),
        perOrg: positiveIntEnv('INGEST_MAX_CONCURRENT_PER_ORG', DEFAULT_UPLOAD_SLOTS.perOrg, env),
      },
      idleMs: positiveIntEnv('INGEST_IDLE_SECONDS', DEFAULT_IDLE_MS / 1000, env) * 1000,
    },
  };
}
