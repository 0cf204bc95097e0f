import { createFreshDatabase } from '../../scripts/fresh-database';
import { startEmbeddedDatabase } from '../../shared/db/embedded';
import { DIST } from './paths';

export interface OwnDatabase {
  url: string;
  /** Drops the database, or stops the embedded server and removes its folder. */
  drop(): Promise<void>;
}

/**
 * An empty database of this test's own, for a migration or an in-process subgraph that must not
 * touch the shared system's data: a new database on the DATABASE_URL server when the suite runs
 * on one, otherwise a fresh embedded PostgreSQL in a temporary folder. `prefix` names it on the server.
 */
export async function ownDatabase(prefix: string): Promise<OwnDatabase> {
  if (process.env.DATABASE_URL) return createFreshDatabase(process.env.DATABASE_URL, prefix);
  const embedded = await startEmbeddedDatabase({ distDir: DIST });
  return { url: embedded.url, drop: () => embedded.stop() };
}
