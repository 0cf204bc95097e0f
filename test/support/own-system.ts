import { join } from 'node:path';
import { createFreshDatabase } from '../../scripts/fresh-database';
import { FREE_PORTS, RunningSystem, startSystem, SystemOptions } from '../../scripts/system';
import { DIST, ROOT } from './paths';

export type OwnSystemOptions = Omit<SystemOptions, 'databaseUrl' | 'ports' | 'distDir' | 'output'>;

export interface OwnSystem {
  system: RunningSystem;
  /** Stops the system and drops its database. */
  stop(): Promise<void>;
}

/**
 * A system of this test's own, for tests that kill, signal or reconfigure processes or change
 * reference data (the shared one keeps serving the other tests): the compiled processes on
 * port 0, on a fresh database of the kind the suite runs on — a new database on the DATABASE_URL
 * server, or startSystem's own embedded PostgreSQL. Logs go to .data/test-logs/<name>/, beside
 * the shared system's. Tokens are verified with the suite's development secret unless
 * `jwtSecret` says otherwise; `env` is added to the quiet defaults below.
 */
export async function startOwnSystem(name: string, options: OwnSystemOptions = {}): Promise<OwnSystem> {
  const server = process.env.GUSU_DATABASE === 'postgresql' ? process.env.DATABASE_URL : undefined;
  const database = server ? await createFreshDatabase(server, `gusu_${name.replace(/-/g, '_')}`) : undefined;
  const system = await startSystem({
    jwtSecret: process.env.GUSU_JWT_SECRET,
    demoData: true,
    ...options,
    env: { LOG_LEVEL: 'warn', AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY_FILE: '', ...options.env },
    databaseUrl: database?.url,
    ports: FREE_PORTS,
    output: { logDir: join(ROOT, '.data', 'test-logs', name) },
    distDir: DIST,
  }).catch(async (error: unknown) => {
    // A system that did not start leaves no database behind (the caller has nothing to stop).
    await database?.drop();
    throw error;
  });
  return {
    system,
    stop: async () => {
      await system.stop();
      await database?.drop();
    },
  };
}
