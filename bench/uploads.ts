/**
 * npm run bench:uploads — the XLSX upload attacks (issue 11, part 6), measured.
 * Writes each crafted file (bench/support/crafted-xlsx.ts) and a legitimate
 * file of BENCH_ROWS (default 100,000) penalties to a temporary folder, then:
 *  1. readers: each file read by this tree's reader and, when BENCH_OLD_DIST
 *     names another build's dist folder, by that build's, each in a child
 *     process of its own, killed past BENCH_MEMORY_CAP_MB (default 2,048) of
 *     resident memory or 120 s; prints its peak memory and temporary disk;
 *  2. ingest: starts the system (DATABASE_URL or the embedded database),
 *     sends each file to POST /ingest/penalties (through the gateway) as a department, and prints
 *     the status, code and limit, the time, and the ingest process's peak resident
 *     memory (VmHWM, reset before each file), and what was left in its
 *     temporary folder (INGEST_TEMP_DIR, one of its own) — once with the
 *     default limits, once with the ratio opened (INGEST_XLSX_MAX_RATIO=1000000),
 *     so that the limits inside the file are met. BENCH_READERS=false skips 1;
 *     BENCH_NODE_OPTIONS passes Node options to the services.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signDevToken } from '../gateway/auth/dev-token';
import { XLSX_MEDIA_TYPE } from '../ingest/files/file-format';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { ATTACKS, zipOf } from './support/crafted-xlsx';
import { penaltyRow, writeXlsx } from './support/penalty-file';
import { childPid, memoryMb, resetPeak } from './support/processes';
import { benchSystem } from './support/system';

const MB = 1024 * 1024;
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CAP_MB = Number(process.env.BENCH_MEMORY_CAP_MB ?? 2048);
const TIME_CAP_MS = 120_000;

/** Bytes under a folder, files still open but unlinked not counted (they are measured as the process's own). */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Bytes of the deleted-but-open files a process holds in `dir` (how the new reader keeps its temporary files). */
function openDeletedBytes(pid: number, dir: string): number {
  let total = 0;
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith(dir) && target.endsWith('(deleted)')) total += statSync(`/proc/${pid}/fd/${fd}`).size;
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // gone
  }
  return total;
}

async function readInChild(modulePath: string, file: string): Promise<Record<string, string | number>> {
  const temp = mkdtempSync(join(tmpdir(), 'gusu-bench-reader-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(__dirname, 'support', 'read-xlsx.js'), modulePath, file], {
    env: { ...process.env, TMPDIR: temp },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let peak = 0;
  let peakDisk = 0;
  let killed = '';
  const watch = setInterval(() => {
    try {
      // A process exiting has no VmRSS line any more (NaN): its last reading stands.
      const now = memoryMb(child.pid!, 'VmRSS');
      if (Number.isFinite(now)) peak = Math.max(peak, now);
      peakDisk = Math.max(peakDisk, folderBytes(temp) + openDeletedBytes(child.pid!, temp));
    } catch {
      return;
    }
    if (peak > CAP_MB) killed = `killed at ${CAP_MB} MB`;
    else if (performance.now() - started > TIME_CAP_MS) killed = `killed after ${TIME_CAP_MS / 1000} s`;
    if (killed) child.kill('SIGKILL');
  }, 25);
  await new Promise((done) => child.once('exit', done));
  clearInterval(watch);
  const left = folderBytes(temp);
  rmSync(temp, { recursive: true, force: true });
  const result = killed
    ? { outcome: killed, rows: '' }
    : (JSON.parse(out || '{"outcome":"crashed","rows":""}') as { outcome: string; rows: number });
  return {
    ...result,
    s: Number(((performance.now() - started) / 1000).toFixed(1)),
    'peak RSS MB': peak,
    'peak temp MB': Math.round(peakDisk / MB),
    'temp left MB': Math.round(left / MB),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gusu-bench-uploads-'));
  const files: { name: string; path: string }[] = [];
  try {
    for (const [name, attack] of Object.entries(ATTACKS)) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, await zipOf(attack()));
      files.push({ name, path });
    }
    const authority = demoDataset({ ...process.env, DEMO_SUBJECTS: '200' }).departments.find(
      (d) => d.code === 'gusu.scjgj',
    )!;
    const legit = join(dir, `legitimate${ROWS}.xlsx`);
    await writeXlsx(legit, ROWS, (i) => penaltyRow('U', i, chinaToday(), authority));
    files.push({ name: `legitimate ${ROWS} rows`, path: legit });
    const sizes = Object.fromEntries(files.map((f) => [f.name, Number((statSync(f.path).size / 1024).toFixed(0))]));

    const readers: Record<string, string | number>[] = [];
    if (process.env.BENCH_READERS !== 'false') {
      const builds: [string, string][] = [['this tree', resolve(__dirname, '..', 'ingest', 'files', 'xlsx-rows.js')]];
      // A build from before the ingest process had its readers in the gateway.
      const oldReader = (dist: string) =>
        [resolve(dist, 'ingest', 'files', 'xlsx-rows.js'), resolve(dist, 'gateway', 'ingest', 'xlsx-rows.js')].find(
          (path) => existsSync(path),
        ) ?? '';
      if (process.env.BENCH_OLD_DIST) builds.push(['BENCH_OLD_DIST', oldReader(process.env.BENCH_OLD_DIST)]);
      for (const file of files) {
        for (const [build, modulePath] of builds) {
          readers.push({
            file: file.name,
            'file KB': sizes[file.name],
            reader: build,
            ...(await readInChild(modulePath, file.path)),
          });
          process.stderr.write(`${JSON.stringify(readers.at(-1))}\n`);
        }
      }
      console.log('readers alone (a child process each):');
      console.table(readers);
    }

    const temp = join(dir, 'ingest-temp');
    mkdirSync(temp);
    process.env.INGEST_TEMP_DIR = temp;
    for (const [limits, ratio] of [
      ['default limits', undefined],
      ['INGEST_XLSX_MAX_RATIO=1000000', '1000000'],
    ] as const) {
      if (ratio) process.env.INGEST_XLSX_MAX_RATIO = ratio;
      const { system, jwtSecret, stop } = await benchSystem({ subjects: 200 });
      const ingest: Record<string, string | number>[] = [];
      try {
        const token = await signDevToken(jwtSecret, {
          sub: 'bench',
          org: 'gusu.scjgj',
          roles: ['department'],
          ttl: '2h',
        });
        const pid = childPid('ingest/index.js');
        for (const file of files) {
          resetPeak(pid);
          const before = memoryMb(pid, 'VmRSS');
          const started = performance.now();
          const response = await fetch(`${system.gatewayUrl}/ingest/penalties`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_MEDIA_TYPE },
            body: readFileSync(file.path),
          });
          const answer = (await response.json()) as {
            errors?: { extensions: Record<string, unknown> }[];
            error?: { code: string } | null;
            counts?: { accepted: number };
          };
          const seconds = (performance.now() - started) / 1000;
          await new Promise((done) => setTimeout(done, 200));
          const refusal = answer.errors?.[0]?.extensions;
          ingest.push({
            file: file.name,
            'file KB': sizes[file.name],
            status: response.status,
            code: String(refusal?.code ?? answer.error?.code ?? ''),
            limit: String(refusal?.limit ?? ''),
            accepted: answer.counts?.accepted ?? '',
            s: Number(seconds.toFixed(2)),
            'RSS before MB': before,
            'peak RSS MB': memoryMb(pid, 'VmHWM'),
            'temp left': readdirSync(temp).length + openDeletedBytes(pid, temp),
          });
          process.stderr.write(`${JSON.stringify(ingest.at(-1))}\n`);
        }
      } finally {
        await stop();
      }
      console.log(
        `the ingest process (${process.env.DATABASE_URL ? 'postgresql' : 'embedded database'}; ${process.env.BENCH_NODE_OPTIONS ?? 'default Node options'}), ${limits}:`,
      );
      console.table(ingest);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
