import { resolve } from 'node:path';
import { randomKey } from '../../scripts/dev-secrets';
import { createFreshDatabase, ensureDatabase, runSql } from '../../scripts/fresh-database';
import { FREE_PORTS, RunningSystem, startSystem } from '../../scripts/system';
import { generateInternalKeyPair, InternalKeyPair } from '../../shared/auth/internal-token';

export interface BenchSystemOptions {
  /** Size of the demo dataset the subgraphs seed (DEMO_SUBJECTS). */
  subjects: number;
  /**
   * On PostgreSQL, a database of this name, created when missing and kept
   * afterwards: a large dataset is seeded once and reused by later runs.
   * Without it every run gets a fresh database, dropped at the end.
   */
  keptDatabase?: string;
  /** How long seeding may take before a subgraph counts as failed. */
  startTimeoutMs?: number;
}

export interface BenchSystem {
  system: RunningSystem;
  jwtSecret: string;
  internalKeys: InternalKeyPair;
  /** Stops the system (bounded) and drops the database unless it is kept. */
  stop(): Promise<void>;
}

/**
 * Statistics for the planner on the freshly seeded tables, as autovacuum would
 * gather them a little later: measured before, the first rounds could run on
 * plans for empty tables and the later ones not.
 */
async function analyze(databaseUrl: string): Promise<void> {
  await runSql(databaseUrl, 'analyze');
}

/**
 * Waits until the subgraphs have applied every event due (a fresh seed of 100,000 subjects announces
 * 100,000 grades): measured before, the first operations would share the machine with that backlog.
 * Returns the seconds waited; gives up (and says so) after `limitMs`.
 */
async function eventsSettled(databaseUrl: string, limitMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [row] = await runSql(
      databaseUrl,
      `select count(*)::int as pending from pgboss.job
        where state in ('created', 'retry', 'active') and start_after <= now() and name not like '\\_\\_pgboss%' and name not like '%.dead'`,
    );
    const pending = Number(row.pending);
    const waited = Math.round((Date.now() - started) / 1000);
    if (pending === 0) return waited;
    if (Date.now() - started > limitMs) {
      process.stderr.write(`${pending} events still pending after ${waited} s; measuring anyway\n`);
      return waited;
    }
    await new Promise((done) => setTimeout(done, 2000));
  }
}

/**
 * The system on PostgreSQL (DATABASE_URL) or the embedded database, seeded with
 * the demo dataset. Started once: a start that fails is a fault to fix, not to
 * retry (npm run bench:cold-starts measures that start-up is deterministic).
 */
export async function benchSystem(options: BenchSystemOptions): Promise<BenchSystem> {
  const serverUrl = process.env.DATABASE_URL;
  const fresh = serverUrl && !options.keptDatabase ? await createFreshDatabase(serverUrl, 'gusu_bench') : undefined;
  const databaseUrl =
    serverUrl && options.keptDatabase ? await ensureDatabase(serverUrl, options.keptDatabase) : fresh?.url;
  const jwtSecret = randomKey();
  const internalKeys = generateInternalKeyPair();
  try {
    const system = await startSystem({
      databaseUrl,
      jwtSecret,
      internalKeys,
      // Every service on a port it picks itself: a bench never collides with a running `npm start`.
      ports: FREE_PORTS,
      // BENCH_NODE_OPTIONS (e.g. --max-old-space-size=64) for the services only.
      env: {
        DEMO_SUBJECTS: String(options.subjects),
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? process.env.NODE_OPTIONS,
      },
      output: { logDir: resolve('.data') },
      startTimeoutMs: options.startTimeoutMs,
      distDir: resolve(__dirname, '../..'),
    });
    const settleSeconds = await eventsSettled(system.databaseUrl, options.startTimeoutMs ?? 600_000);
    if (settleSeconds > 0) process.stderr.write(`events applied in ${settleSeconds} s after the start\n`);
    await analyze(system.databaseUrl);
    return {
      system,
      jwtSecret,
      internalKeys,
      stop: async () => {
        await stopWithin(system, 30_000);
        await fresh?.drop();
      },
    };
  } catch (error) {
    await fresh?.drop();
    throw error;
  }
}

/** A stop that hangs must not hang the benchmark: it goes on after a while. */
async function stopWithin(system: RunningSystem, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  if ((await Promise.race([system.stop().then(() => 'stopped' as const), late])) === 'late')
    process.stderr.write(`the system did not stop within ${ms / 1000} s; going on\n`);
  clearTimeout(timer);
}
