/**
 * npm run bench:ingest — reporting by file at scale (issue 5: ≥ 5,000 rows/s,
 * memory not growing with the file). Starts the system (DATABASE_URL, in a
 * fresh database, or the embedded PostgreSQL), writes penalties files of 20,000
 * and BENCH_ROWS (default 100,000) rows to a temporary folder — CSV, and XLSX
 * as Excel writes it (shared strings) unless BENCH_XLSX=false — streams each
 * to POST /ingest/penalties through a system started for that file, and prints
 * rows/s, wall time, how fast the readers alone go, and the peak resident
 * memory (VmHWM, reset once started) of the gateway, the ingest and the subjects process.
 * BENCH_NODE_OPTIONS passes Node options to the services alone.
 */
import 'reflect-metadata';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { signDevToken } from '../gateway/auth/dev-token';
import { ColumnFields, matchColumns } from '../ingest/files/columns';
import { csvRows } from '../ingest/files/csv-rows';
import { XLSX_MEDIA_TYPE } from '../ingest/files/file-format';
import { headerCells, toRecord } from '../ingest/files/records';
import { xlsxRows } from '../ingest/files/xlsx-rows';
import type { IngestCounts, IngestFailure } from '../ingest/upload/answer-stream';
import { runSql } from '../scripts/fresh-database';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { BAD_EVERY, penaltyRow, writeCsv, writeXlsx } from './support/penalty-file';
import { childPid, cpuSeconds, memoryMb, postgresCpuBetween, postgresCpuSeconds, resetPeak } from './support/processes';
import { sqlStatements } from './support/sql-statements';
import { benchSystem } from './support/system';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SMALL = Math.min(20_000, ROWS);
const XLSX = process.env.BENCH_XLSX !== 'false';
const MB = 1024 * 1024;

interface Answer {
  counts: IngestCounts;
  error: IngestFailure | null;
  rejections: unknown[];
}

/** How fast the ingest's readers alone go through the file (no database): what the file path could feed. */
async function readOnlyRowsPerSecond(path: string, format: 'csv' | 'xlsx'): Promise<number> {
  const started = performance.now();
  const rows = format === 'csv' ? csvRows(createReadStream(path), 'utf-8') : xlsxRows(createReadStream(path));
  let count = 0;
  let columns: ColumnFields | null = null;
  for await (const row of rows) {
    if (!columns) columns = matchColumns('penalties', headerCells(row));
    else if (toRecord(row, columns)) count += 1;
  }
  return Math.round(count / ((performance.now() - started) / 1000));
}

type Format = 'csv' | 'xlsx';

/** Seconds from `started` until no event waits or runs in any queue (polled each 0.5 s, at most 10 minutes; null if never). */
async function drained(databaseUrl: string, started: number): Promise<number | null> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const [row] = await runSql(
      databaseUrl,
      "select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active')",
    );
    if (row.n === 0) return Number(((performance.now() - started) / 1000).toFixed(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

/** One file through a system of its own, so that each peak is measured from the same start. */
async function ingestFile(
  format: Format,
  rows: number,
  dir: string,
  authority: { name: string; uscc: string },
): Promise<Record<string, string | number>> {
  const file = `${format.toUpperCase()}${rows}`;
  const path = join(dir, `${file}.${format}`);
  const writing = performance.now();
  await (format === 'csv' ? writeCsv : writeXlsx)(path, rows, (i) => penaltyRow(file, i, chinaToday(), authority));
  const size = statSync(path).size;
  process.stderr
    .write(`${file}: written in ${((performance.now() - writing) / 1000).toFixed(1)} s, ${(size / MB).toFixed(1)} MB; reading, then ingesting…
`);
  const readOnly = await readOnlyRowsPerSecond(path, format);

  const { system, jwtSecret, stop } = await benchSystem({ subjects: Number(process.env.DEMO_SUBJECTS ?? 200) });
  try {
    const token = await signDevToken(jwtSecret, { sub: 'bench', org: 'gusu.scjgj', roles: ['department'], ttl: '2h' });
    const pids = {
      gateway: childPid('gateway/index.js'),
      ingest: childPid('ingest/index.js'),
      subjects: childPid('subjects/index.js'),
    };
    // The event consumers share the machine's CPU with the upload: counted, not in the memory figures.
    const consumers = {
      sanctions: childPid('sanctions/index.js'),
      repairs: childPid('repairs/index.js'),
      evaluations: childPid('evaluations/index.js'),
      exchange: childPid('exchange/index.js'),
    };
    const database = new URL(system.databaseUrl).pathname.slice(1);
    for (const pid of Object.values(pids)) resetPeak(pid);
    const before = {
      gateway: memoryMb(pids.gateway, 'VmRSS'),
      ingest: memoryMb(pids.ingest, 'VmRSS'),
      subjects: memoryMb(pids.subjects, 'VmRSS'),
    };
    const cpuBefore = Object.fromEntries(
      Object.entries({ ...pids, ...consumers }).map(([name, pid]) => [name, cpuSeconds(pid)]),
    );
    const postgresBefore = postgresCpuSeconds(database);
    const statementsBefore = await sqlStatements(system.ports.subjects);
    const started = performance.now();
    const response = await fetch(`${system.gatewayUrl}/ingest/penalties`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE,
        'content-length': String(size),
      },
      body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const answer = (await response.json()) as Answer;
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200 || answer.error)
      throw new Error(`${file}: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
    // CPU milliseconds per row of each process (PostgreSQL's server processes summed): where applying costs.
    const cpuMsPerRow = (seconds: number) => Number(((seconds * 1000) / rows).toFixed(3));
    const cpu = Object.fromEntries(
      Object.entries({ ...pids, ...consumers }).map(([name, pid]) => [
        `${name} CPU ms/row`,
        cpuMsPerRow(cpuSeconds(pid) - cpuBefore[name]),
      ]),
    );
    const postgresCpu = cpuMsPerRow(postgresCpuBetween(postgresBefore, postgresCpuSeconds(database)));
    const statements = (await sqlStatements(system.ports.subjects)) - statementsBefore;
    // The consumers apply the events after the answer: how long until every queue is empty, and what it cost in all.
    const drainedSeconds = await drained(system.databaseUrl, started);
    const drainCpu = Object.fromEntries(
      Object.entries(consumers).map(([name, pid]) => [
        `${name} CPU ms/row to drain`,
        cpuMsPerRow(cpuSeconds(pid) - cpuBefore[name]),
      ]),
    );
    const postgresDrainCpu = cpuMsPerRow(postgresCpuBetween(postgresBefore, postgresCpuSeconds(database)));
    return {
      file: format.toUpperCase(),
      rows,
      'file MB': Number((size / MB).toFixed(1)),
      'wall s': Number(seconds.toFixed(1)),
      'rows/s': Math.round(rows / seconds),
      'read-only rows/s': readOnly,
      accepted: answer.counts.accepted,
      rejected: answer.counts.rejected,
      batches: answer.counts.batches,
      ...cpu,
      'postgres CPU ms/row': postgresCpu,
      'subjects SQL/batch': Number((statements / answer.counts.batches).toFixed(1)),
      'events drained s': drainedSeconds ?? 'not in 10 min',
      ...drainCpu,
      'postgres CPU ms/row to drain': postgresDrainCpu,
      'gateway RSS before MB': before.gateway,
      'gateway peak MB': memoryMb(pids.gateway, 'VmHWM'),
      'ingest RSS before MB': before.ingest,
      'ingest peak MB': memoryMb(pids.ingest, 'VmHWM'),
      'subjects RSS before MB': before.subjects,
      'subjects peak MB': memoryMb(pids.subjects, 'VmHWM'),
    };
  } finally {
    rmSync(path);
    await stop();
  }
}

async function main(): Promise<void> {
  const authority = demoDataset({ ...process.env, DEMO_SUBJECTS: '200' }).departments.find(
    (d) => d.code === 'gusu.scjgj',
  )!;
  const dir = mkdtempSync(join(tmpdir(), 'gusu-bench-ingest-'));
  const results: Record<string, string | number>[] = [];
  try {
    const formats: Format[] = XLSX ? ['csv', 'xlsx'] : ['csv'];
    for (const format of formats) {
      for (const rows of new Set([SMALL, ROWS])) {
        results.push(await ingestFile(format, rows, dir, authority));
        process.stderr.write(`${JSON.stringify(results.at(-1))}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `database: ${process.env.DATABASE_URL ? 'postgresql' : 'embedded PostgreSQL'}; a fresh system per file; batches of up to 1,000 rows; one row in ${BAD_EVERY} rejected; ` +
      "read-only = the ingest's readers alone, in this process, no database\n",
  );
  console.table(results);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
