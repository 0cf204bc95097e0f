import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { EmbeddedServer } from './embedded-server';

/**
 * The embedded default database: PGlite (PostgreSQL compiled to WASM) served
 * over the PostgreSQL wire protocol on a loopback port, so the same pg driver
 * and MikroORM configuration work with it and with a real server.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder the data persists in; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 picks a free port; never 5432, where a real server may listen. */
  port?: number;
}

const CLOSE_TIMEOUT_MS = 30_000;

/**
 * A promise that settles, or an error after `ms`. The timer also keeps the
 * process alive: a promise that never settles with nothing else pending would
 * otherwise let Node exit quietly with status 0, in the middle of a shutdown.
 */
async function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  if (options.port === 5432) throw new Error('the embedded database does not take the standard port 5432');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const server = new EmbeddedServer(db);
  const port = await server.listen('127.0.0.1', options.port ?? 0);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.close();
      await withinTime(db.close(), CLOSE_TIMEOUT_MS, 'the embedded database did not close');
    },
  };
}
