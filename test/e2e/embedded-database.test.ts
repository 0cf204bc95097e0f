import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../shared/db/embedded';
import { DIST } from '../support/paths';

/**
 * The embedded-database layer the project writes itself (shared/db/embedded.ts, which starts
 * scripts/embedded-database.ts) tested directly: where its data goes, what survives a restart, what it
 * rewrites at every start and how it refuses to start. Its defences against other local processes are
 * test/e2e/adversarial/embedded-database.test.ts.
 */
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'gusu-embedded-layer-'));
  // As root the server runs as 'postgres', which must be able to pass through.
  chmodSync(folder, 0o711);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the embedded database layer', () => {
  it('refuses the standard port 5432 before starting anything', async () => {
    await expect(startEmbeddedDatabase({ distDir: DIST, port: 5432, dataDir: join(folder, 'never') })).rejects.toThrow(
      /5432/,
    );
    expect(existsSync(join(folder, 'never'))).toBe(false);
  });

  it('without a data folder runs in a temporary one and removes it at stop (stop twice is one stop)', async () => {
    const database = await startEmbeddedDatabase({ distDir: DIST });
    const [{ data_directory: cluster }] = await query<{ data_directory: string }>(database.url, 'show data_directory');
    const temporary = dirname(cluster);
    expect(basename(temporary)).toMatch(/^gusu-postgres-/);
    expect(existsSync(join(temporary, 'password'))).toBe(true);
    await Promise.all([database.stop(), database.stop()]);
    expect(existsSync(temporary)).toBe(false);
  });

  it('keeps data and password across restarts, and rewrites pg_hba at every start', async () => {
    const dataDir = join(folder, 'persistent');
    const first = await startEmbeddedDatabase({ distDir: DIST, dataDir });
    await query(first.url, "create table kept (v text); insert into kept values ('姑苏')");
    await first.stop();

    const hba = join(dataDir, 'cluster', 'pg_hba.conf');
    const shipped = readFileSync(hba, 'utf8');
    writeFileSync(hba, `${shipped}host all all 127.0.0.1/32 trust\n`);

    const second = await startEmbeddedDatabase({ distDir: DIST, dataDir });
    try {
      expect(new URL(second.url).password).toBe(new URL(first.url).password);
      expect(new URL(second.url).password).toBe(readFileSync(join(dataDir, 'password'), 'utf8').trim());
      expect(await query<{ v: string }>(second.url, 'select v from kept')).toEqual([{ v: '姑苏' }]);
      expect(readFileSync(hba, 'utf8')).toBe(shipped);
    } finally {
      await second.stop();
    }
  });

  it('refuses to start on a database whose password file is gone, saying which file', async () => {
    const dataDir = join(folder, 'persistent');
    unlinkSync(join(dataDir, 'password'));
    const logFile = join(folder, 'refused.log');
    await expect(startEmbeddedDatabase({ distDir: DIST, dataDir, logFile })).rejects.toThrow(
      /exited with 1 while starting/,
    );
    expect(readFileSync(logFile, 'utf8')).toContain(`${join(dataDir, 'password')} is missing`);
  });
});
