/**
 * npm run bench:ingest — reporting by file at scale (issue 5: ≥ 5,000 rows/s,
 * memory not growing with the file). Starts the system (DATABASE_URL, in a
 * fresh database, or the embedded PGlite), writes penalties files of 20,000
 * and BENCH_ROWS (default 100,000) rows to a temporary folder — CSV, and XLSX
 * as Excel writes it (shared strings) unless BENCH_XLSX=false — streams each
 * to POST /ingest/penalties through a system started for that file, and prints
 * rows/s, wall time, how fast the readers alone go, and the peak resident
 * memory (VmHWM, reset once started) of the gateway and the subjects process.
 * BENCH_NODE_OPTIONS passes Node options to the services alone.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { signDevToken } from '../gateway/auth/dev-token';
import type { IngestCounts, IngestFailure } from '../gateway/ingest/answer-stream';
import { ColumnFields, matchColumns, templateHeader } from '../gateway/ingest/columns';
import { csvRows } from '../gateway/ingest/csv-rows';
import { headerCells, toRecord } from '../gateway/ingest/records';
import { xlsxRows } from '../gateway/ingest/xlsx-rows';
import { XLSX_MEDIA_TYPE } from '../gateway/ingest/file-format';
import { randomKey } from '../scripts/dev-secrets';
import { createFreshDatabase } from '../scripts/fresh-database';
import { RunningSystem, startSystem } from '../scripts/system';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { completeUscc } from '../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../shared/reporting/fields';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SMALL = Math.min(20_000, ROWS);
const XLSX = process.env.BENCH_XLSX !== 'false';
/** One row in 50 is rejected (a fine that is not a number), so rejections stream too. */
const BAD_EVERY = 50;
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MB = 1024 * 1024;

interface Answer {
  counts: IngestCounts;
  error: IngestFailure | null;
  rejections: unknown[];
}

function base31(value: number, width: number): string {
  let text = '';
  for (let rest = value; text.length < width; rest = Math.floor(rest / 31)) text = USCC_ALPHABET[rest % 31] + text;
  return text;
}

function daysFrom(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Row i of a file: a penalty of a subject of its own; decision numbers unique per file. */
function penaltyRow(file: string, i: number, today: string, authority: { name: string; uscc: string }): Record<string, string> {
  return {
    partyName: `苏州基准测试第${i}贸易有限公司`,
    partyClass: '法人及非法人组织',
    uscc: completeUscc(`91320508${base31(i, 9)}`),
    legalRepresentative: '张三',
    decisionNo: `姑市监罚〔2026〕${file}-${i}号`,
    violationType: '未按规定公示年度报告',
    facts: `当事人未按规定期限公示${2025}年度报告，经责令限期改正逾期未改正。编号${i}。`,
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: '警告；罚款',
    content: '警告，罚款人民币五千元',
    fineAmount: i % BAD_EVERY === 0 ? '五千元' : '0.5',
    decidedAt: daysFrom(today, -3),
    validUntil: daysFrom(today, 365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

async function writeCsv(path: string, rows: number, row: (i: number) => Record<string, string>): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${REPORT_FIELDS.penalties.map(templateHeader).join(',')}\r\n`);
  for (let i = 0; i < rows; i += 1) {
    const values = row(i);
    await write(`${REPORT_FIELDS.penalties.map((f) => values[f.field] ?? '').join(',')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number, row: (i: number) => Record<string, string>): Promise<void> {
  // As Excel saves a workbook: strings shared, the worksheet stored before them.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('行政处罚');
  sheet.addRow(REPORT_FIELDS.penalties.map(templateHeader)).commit();
  for (let i = 0; i < rows; i += 1) {
    const values = row(i);
    sheet.addRow(REPORT_FIELDS.penalties.map((f) => (f.field === 'fineAmount' && values[f.field] === '0.5' ? 0.5 : values[f.field]))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The bench's own child process running `entry` (the system starts each service as a child). */
function childPid(entry: string): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(entry)) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no child process runs ${entry}`);
}

function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
}

/** Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current resident size. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** How fast the gateway's readers alone go through the file (no database): what the file path could feed. */
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

/**
 * A system on a fresh database. Four subgraphs creating their event queues at
 * once on a new database sometimes deadlock in pg-boss and one exits: the
 * start is tried again, up to three times.
 */
async function freshSystem(attempt = 1): Promise<{ system: RunningSystem; database?: { drop(): Promise<void> }; jwtSecret: string }> {
  const database = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL, 'gusu_bench') : undefined;
  const jwtSecret = randomKey();
  try {
    const system = await startSystem({
      databaseUrl: database?.url,
      jwtSecret,
      ports: { gateway: 0, subjects: 0, sanctions: 0, commitments: 0, repairs: 0 },
      // BENCH_NODE_OPTIONS (e.g. --max-old-space-size=64) for the services only: a file that still goes through shows what memory it really needs.
      env: { DEMO_SUBJECTS: process.env.DEMO_SUBJECTS ?? '200', LOG_LEVEL: 'warn', NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? process.env.NODE_OPTIONS },
      output: { logDir: resolve('.data') },
      distDir: resolve(__dirname, '..'),
    });
    return { system, database, jwtSecret };
  } catch (error) {
    await database?.drop();
    if (attempt >= 5) throw error;
    process.stderr.write(`system did not start (${error instanceof Error ? error.message : String(error)}); again\n`);
    return freshSystem(attempt + 1);
  }
}

/** One file through a system of its own, so that each peak is measured from the same start. */
async function ingestFile(format: Format, rows: number, dir: string, authority: { name: string; uscc: string }): Promise<Record<string, string | number>> {
  const file = `${format.toUpperCase()}${rows}`;
  const path = join(dir, `${file}.${format}`);
  const writing = performance.now();
  await (format === 'csv' ? writeCsv : writeXlsx)(path, rows, (i) => penaltyRow(file, i, chinaToday(), authority));
  const size = statSync(path).size;
  process.stderr.write(`${file}: written in ${((performance.now() - writing) / 1000).toFixed(1)} s, ${(size / MB).toFixed(1)} MB; reading, then ingesting…
`);
  const readOnly = await readOnlyRowsPerSecond(path, format);

  const { system, database, jwtSecret } = await freshSystem();
  try {
    const token = await signDevToken(jwtSecret, { sub: 'bench', org: 'gusu.scjgj', roles: ['department'], ttl: '2h' });
    const pids = { gateway: childPid('gateway/index.js'), subjects: childPid('subjects/index.js') };
    for (const pid of Object.values(pids)) resetPeak(pid);
    const before = { gateway: memoryMb(pids.gateway, 'VmRSS'), subjects: memoryMb(pids.subjects, 'VmRSS') };
    const started = performance.now();
    const response = await fetch(`${system.gatewayUrl}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE, 'content-length': String(size) },
      body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const answer = (await response.json()) as Answer;
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200 || answer.error) throw new Error(`${file}: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
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
      'gateway RSS before MB': before.gateway,
      'gateway peak MB': memoryMb(pids.gateway, 'VmHWM'),
      'subjects RSS before MB': before.subjects,
      'subjects peak MB': memoryMb(pids.subjects, 'VmHWM'),
    };
  } finally {
    rmSync(path);
    await stopWithin(system, 30_000);
    await database?.drop();
  }
}

/** Stopping the embedded database has been seen never to finish (its promise left with nothing pending): the bench goes on after a while. */
async function stopWithin(system: RunningSystem, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  if ((await Promise.race([system.stop().then(() => 'stopped' as const), late])) === 'late') process.stderr.write(`the system did not stop within ${ms / 1000} s; going on\n`);
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const authority = demoDataset({ ...process.env, DEMO_SUBJECTS: '200' }).departments.find((d) => d.code === 'gusu.scjgj')!;
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
    `database: ${process.env.DATABASE_URL ? 'postgresql' : 'embedded PGlite'}; a fresh system per file; batches of up to 1,000 rows; one row in ${BAD_EVERY} rejected; ` +
      'read-only = the gateway\'s readers alone, in this process, no database\n',
  );
  console.table(results);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
