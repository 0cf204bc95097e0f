import { Client } from 'pg';

/** Runs one statement on its own connection and returns its rows. */
export async function runSql(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database on a PostgreSQL server, and how to drop it: runs never see each other's data. */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await runSql(serverUrl, `create database "${name}"`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => void (await runSql(serverUrl, `drop database if exists "${name}" with (force)`)),
  };
}

/** A database of this name, created when the server does not have it yet; never dropped here. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const found = await runSql(serverUrl, 'select 1 from pg_database where datname = $1', [name]);
  if (found.length === 0) await runSql(serverUrl, `create database "${name.replace(/"/g, '""')}"`);
  return databaseUrl(serverUrl, name);
}
