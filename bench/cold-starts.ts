/**
 * npm run bench:cold-starts -- --starts 20 — is start-up deterministic? Starts
 * the whole system (four subgraphs, then the gateway, with the demo dataset)
 * N times from nothing and stops it again, on each database:
 *  - PostgreSQL (DATABASE_URL set): every start in a brand-new database, dropped afterwards;
 *  - the embedded PostgreSQL: every start with a fresh data directory.
 * Nothing is retried: a start that fails is counted, its failing service named
 * and the tail of that service's log printed.
 *
 * Options: --starts N (or COLD_STARTS; default 20), --database postgres|embedded|both
 * (default: both when DATABASE_URL is set, else embedded), --subjects N (DEMO_SUBJECTS
 * of the demo dataset, default the dataset's own), --concurrent K (K systems starting at
 * once, default 1: start-up under CPU contention, as on a 2-core CI machine), --start-timeout S
 * (how long the subgraphs may take to seed and answer /health, default 120).
 * Logs of each attempt: .data/cold-starts/<database>-<n>/. Exit status 1 when any start failed.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomKey } from '../scripts/dev-secrets';
import { createFreshDatabase } from '../scripts/fresh-database';
import { FREE_PORTS, startSystem } from '../scripts/system';
import { SUBGRAPH_NAMES } from '../shared/config/services';
import { median } from './support/statistics';

const { values: args } = parseArgs({
  options: {
    starts: { type: 'string', default: process.env.COLD_STARTS ?? '20' },
    database: { type: 'string' },
    subjects: { type: 'string' },
    concurrent: { type: 'string', default: '1' },
    'start-timeout': { type: 'string', default: '120' },
  },
});

type DatabaseKind = 'postgres' | 'embedded';

function positive(name: 'starts' | 'concurrent' | 'start-timeout'): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer, got ${args[name]}`);
  return value;
}

function databases(): DatabaseKind[] {
  const chosen = args.database ?? (process.env.DATABASE_URL ? 'both' : 'embedded');
  if (chosen === 'both') return ['postgres', 'embedded'];
  if (chosen === 'postgres' || chosen === 'embedded') return [chosen];
  throw new Error(`--database must be postgres, embedded or both, got ${chosen}`);
}

const STARTS = positive('starts');
const CONCURRENT = positive('concurrent');
const START_TIMEOUT_MS = positive('start-timeout') * 1000;
const KINDS = databases();
if (KINDS.includes('postgres') && !process.env.DATABASE_URL)
  throw new Error('--database postgres needs DATABASE_URL (a server to create the fresh databases on)');
const LOG_ROOT = resolve('.data', 'cold-starts');
const LOG_TAIL_LINES = 30;

interface Attempt {
  database: DatabaseKind;
  number: number;
  ok: boolean;
  /** From the call to startSystem until the gateway answered /health. */
  ms: number;
  failedService?: string;
  error?: string;
  logTail?: string;
}

/** The service an error of startSystem names ("commitments exited with code 1 while starting"). */
function failingService(message: string): string {
  return [...SUBGRAPH_NAMES, 'gateway'].find((name) => message.startsWith(`${name} `)) ?? 'database';
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return `(no ${file})`;
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function coldStart(database: DatabaseKind, number: number): Promise<Attempt> {
  const logDir = join(LOG_ROOT, `${database}-${number}`);
  rmSync(logDir, { recursive: true, force: true });
  const fresh =
    database === 'postgres'
      ? await createFreshDatabase(process.env.DATABASE_URL as string, `gusu_cold_${number}`)
      : undefined;
  const started = Date.now();
  try {
    const system = await startSystem({
      databaseUrl: fresh?.url,
      dataDir: undefined,
      demoData: true,
      jwtSecret: randomKey(),
      ports: FREE_PORTS,
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...(args.subjects ? { DEMO_SUBJECTS: args.subjects } : {}) },
      output: { logDir },
      startTimeoutMs: START_TIMEOUT_MS,
      distDir: resolve(__dirname, '..'),
    });
    const ms = Date.now() - started;
    await system.stop();
    return { database, number, ok: true, ms };
  } catch (error) {
    const ms = Date.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    const service = failingService(message);
    // The log is piped from the process: its last lines may still be on their way when its exit is seen.
    await new Promise((done) => setTimeout(done, 500));
    return {
      database,
      number,
      ok: false,
      ms,
      failedService: service,
      error: message,
      logTail: tail(join(logDir, `${service}.log`), LOG_TAIL_LINES),
    };
  } finally {
    await fresh?.drop();
  }
}

async function run(database: DatabaseKind): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (let first = 1; first <= STARTS; first += CONCURRENT) {
    const numbers = Array.from({ length: Math.min(CONCURRENT, STARTS - first + 1) }, (_, i) => first + i);
    for (const attempt of await Promise.all(numbers.map((n) => coldStart(database, n)))) {
      attempts.push(attempt);
      const line = attempt.ok
        ? `ok in ${(attempt.ms / 1000).toFixed(1)} s`
        : `FAILED after ${(attempt.ms / 1000).toFixed(1)} s: ${attempt.error}`;
      process.stderr.write(`${database} start ${attempt.number}/${STARTS}: ${line}\n`);
      if (!attempt.ok)
        process.stderr.write(`--- last lines of ${attempt.failedService}.log ---\n${attempt.logTail}\n---\n`);
    }
  }
  return attempts;
}

async function main(): Promise<void> {
  const all: Attempt[] = [];
  for (const database of KINDS) all.push(...(await run(database)));
  const rows = KINDS.map((database) => {
    const attempts = all.filter((a) => a.database === database);
    const times = attempts.filter((a) => a.ok).map((a) => a.ms / 1000);
    const failed = attempts.filter((a) => !a.ok).map((a) => `${a.number}: ${a.failedService}`);
    return {
      database,
      starts: attempts.length,
      succeeded: times.length,
      'median s': times.length ? median(times).toFixed(1) : '-',
      'max s': times.length ? Math.max(...times).toFixed(1) : '-',
      failed: failed.join(', ') || '-',
    };
  });
  process.stdout.write(`cold starts (${CONCURRENT} at a time${args.subjects ? `, ${args.subjects} subjects` : ''}):\n`);
  console.table(rows);
  if (all.some((a) => !a.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
