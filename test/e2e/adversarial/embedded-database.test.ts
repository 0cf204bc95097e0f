import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../../shared/db/embedded';
import { ormOptions } from '../../../shared/db/orm';
import { eventBus, startEventBus, stopEventBus } from '../../../shared/events/bus';
import { createLogger } from '../../../shared/logging/logger';
import { subjectsSubgraph } from '../../../subgraphs/subjects/server';
import { servicePort, systemDatabaseUrl } from '../../support/gateway';

/**
 * Attacks on the embedded database (`npm start` and the tests without
 * DATABASE_URL) from another local process, and on the session limits that
 * keep one slow statement from holding the system.
 */
const DIST = resolve(__dirname, '../../../dist');
const logger = createLogger('embedded-database-test');
logger.level = 'warn';

let folder: string;
let database: EmbeddedDatabase;
let url: URL;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'gusu-embedded-test-'));
  // As root the server runs as 'postgres', which must be able to pass through.
  chmodSync(folder, 0o711);
  database = await startEmbeddedDatabase({ dataDir: join(folder, 'postgres'), distDir: DIST });
  url = new URL(database.url);
});

afterAll(async () => {
  await database?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** What the server answers a client that starts a session and then sends a query instead of authenticating. */
async function unauthenticatedQuery(
  host: string,
  port: number,
): Promise<{ authRequest: number; afterQuery: string; message: string }> {
  const socket = connect(port, host);
  await once(socket, 'connect');
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4); // protocol 3.0
  socket.write(Buffer.concat([startup, params]));
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((done) => setTimeout(done, 300));
  const sql = Buffer.from('select 1\0');
  const query = Buffer.alloc(5);
  query.write('Q', 0);
  query.writeInt32BE(4 + sql.length, 1);
  socket.write(Buffer.concat([query, sql]));
  await Promise.race([once(socket, 'close'), new Promise((done) => setTimeout(done, 3000))]);
  socket.destroy();
  const answer = Buffer.concat(chunks);
  // First message: 'R', length, the authentication it asks for (0 would be "you are in").
  const authRequest = answer[0] === 'R'.charCodeAt(0) ? answer.readInt32BE(5) : -1;
  const second = answer.subarray(1 + answer.readInt32BE(1));
  return { authRequest, afterQuery: String.fromCharCode(second[0] ?? 0), message: second.toString('utf8') };
}

async function connectWith(password: string, user = 'postgres', host = '127.0.0.1'): Promise<pg.Client> {
  const client = new pg.Client({
    host,
    port: Number(url.port),
    user,
    database: 'postgres',
    password,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

describe('the embedded database refuses whoever lacks its password', () => {
  it('asks a client without a password to authenticate (SCRAM) and never runs its query', async () => {
    const answer = await unauthenticatedQuery('127.0.0.1', Number(url.port));
    expect(answer.authRequest).toBe(10); // AuthenticationSASL, not AuthenticationOk (0)
    expect(answer.afterQuery).toBe('E');
    expect(answer.message).toContain('FATAL');
  });

  it('refuses a wrong password, and the right password for another user', async () => {
    await expect(connectWith(`${decodeURIComponent(url.password)}x`)).rejects.toMatchObject({ code: '28P01' });
    await expect(connectWith(decodeURIComponent(url.password), 'gusu')).rejects.toMatchObject({ code: '28P01' });
  });

  it('accepts its own URL, and every rule in pg_hba asks for the password over loopback TCP', async () => {
    const client = await connectWith(decodeURIComponent(url.password));
    try {
      const rules = await client.query<{ type: string; address: string; auth_method: string }>(
        'select type, address, auth_method from pg_hba_file_rules',
      );
      expect(rules.rows).toEqual([{ type: 'host', address: '127.0.0.1', auth_method: 'scram-sha-256' }]);
      const settings = await client.query<{ listen: string; sockets: string }>(
        "select current_setting('listen_addresses') as listen, current_setting('unix_socket_directories') as sockets",
      );
      expect(settings.rows[0]).toEqual({ listen: '127.0.0.1', sockets: '' });
    } finally {
      await client.end();
    }
  });

  it('is not reachable on another address: 127.0.0.2 (also this machine) is refused', async () => {
    expect(Number(url.port)).not.toBe(5432);
    const socket = connect(Number(url.port), '127.0.0.2');
    const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('keeps a random password beside the data, readable by its owner only, and reuses it', async () => {
    const file = join(folder, 'postgres', 'password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'postgres')).mode & 0o777).toBe(0o700);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toHaveLength(32);
    expect(decodeURIComponent(url.password)).toBe(password);

    await database.stop();
    database = await startEmbeddedDatabase({ dataDir: join(folder, 'postgres'), distDir: DIST });
    url = new URL(database.url);
    expect(decodeURIComponent(url.password)).toBe(password);
    await (await connectWith(password)).end();

    const other = await startEmbeddedDatabase({ distDir: DIST });
    try {
      expect(decodeURIComponent(new URL(other.url).password)).not.toBe(password);
    } finally {
      await other.stop();
    }
  });
});

describe('the embedded database never outlives its starter', () => {
  it('stops when the process that started it is killed', async () => {
    const dataDir = join(folder, 'orphan');
    const starter = spawn(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(join(DIST, 'shared/db/embedded.js'))}).startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, distDir: ${JSON.stringify(DIST)} }).then((d) => console.log(d.url))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(createInterface({ input: starter.stdout! }), 'line');
    const postmaster = Number(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(existsSync(`/proc/${postmaster}`)).toBe(true);
    starter.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (existsSync(`/proc/${postmaster}`) && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 100));
    expect(existsSync(`/proc/${postmaster}`)).toBe(false);
    expect(existsSync(join(dataDir, 'cluster', 'postmaster.pid'))).toBe(false);
  });
});

describe('one slow statement holds nothing else', () => {
  it('a subgraph connection cancels a statement at its statement timeout', async () => {
    const orm = await MikroORM.init(
      ormOptions(subjectsSubgraph.database, database.url, logger, undefined, {
        statement_timeout: 500,
        idle_in_transaction_session_timeout: 0,
      }),
    );
    try {
      const started = Date.now();
      await expect(orm.em.getConnection().execute('select pg_sleep(10)')).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await orm.close();
    }
  });

  it('a transaction left idle is ended at the idle-in-transaction timeout, and nothing of it stays', async () => {
    const orm = await MikroORM.init(
      ormOptions(subjectsSubgraph.database, database.url, logger, undefined, {
        statement_timeout: 0,
        idle_in_transaction_session_timeout: 500,
      }),
    );
    try {
      await orm.em.getConnection().execute('create table if not exists public.idle_probe (id int)');
      const outcome = orm.em.fork().transactional(async (em) => {
        await em
          .getConnection()
          .execute('insert into public.idle_probe values (1)', [], 'run', em.getTransactionContext());
        await new Promise((done) => setTimeout(done, 1500));
      });
      // The server ended the session; the driver reports the connection it lost at COMMIT.
      await expect(outcome).rejects.toThrow(/not queryable|terminat|idle-in-transaction/i);
      const rows = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from public.idle_probe');
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await orm.close();
    }
  });

  it('every connection opens with the default 15 s limits: ORM and event bus alike', async () => {
    const orm = await MikroORM.init(ormOptions(subjectsSubgraph.database, database.url, logger));
    try {
      const [row] = await orm.em
        .getConnection()
        .execute<{ statement_timeout: string; idle: string }[]>(
          "select current_setting('statement_timeout') as statement_timeout, current_setting('idle_in_transaction_session_timeout') as idle",
        );
      expect(row).toEqual({ statement_timeout: '15s', idle: '15s' });
      await startEventBus(database.url, logger);
      const { rows } = (await eventBus()
        .getDb()
        .executeSql("select current_setting('statement_timeout') as statement_timeout", [])) as {
        rows: { statement_timeout: string }[];
      };
      expect(rows).toEqual([{ statement_timeout: '15s' }]);
    } finally {
      await stopEventBus();
      await orm.close();
    }
  });

  it("the system's subgraphs stay healthy while a statement runs for seconds on their database", async () => {
    const systemDatabase = systemDatabaseUrl();
    const client = new pg.Client({ connectionString: systemDatabase });
    await client.connect();
    try {
      const slow = client.query('select pg_sleep(6)');
      await new Promise((done) => setTimeout(done, 500));
      const health = await Promise.all(
        ['subjects', 'sanctions', 'commitments', 'repairs'].map(async (name) => {
          const started = Date.now();
          const response = await fetch(`http://127.0.0.1:${servicePort(name)}/health/ready`, {
            signal: AbortSignal.timeout(3000),
          });
          return { name, status: response.status, fast: Date.now() - started < 2000 };
        }),
      );
      expect(health).toEqual(
        ['subjects', 'sanctions', 'commitments', 'repairs'].map((name) => ({ name, status: 200, fast: true })),
      );
      await slow;
    } finally {
      await client.end();
    }
  });
});
