/**
 * npm run bench -- --subjects 100000 — the client operations under load, side
 * by side through (a) our gateway with access control on, (b) Hive Gateway on
 * the same supergraph.graphql and subgraphs, with its JavaScript query planner
 * ('hive') and (c) with Hive Router's Rust one ('hive-rust'), both enforcing
 * @requiresScopes (bench/hive-gateway.ts), (d) the subgraph alone where one
 * subgraph can answer. Runs alternate (A B C D, then B C D A, …) so that the
 * machine's drift falls on every target alike; each operation reports medians
 * and the ratio of ours to the others pair by pair.
 *
 * Options: --subjects N (demo dataset size, default 100000), --seconds S per run
 * (10), --connections C (8), --rounds R (3), --ingest-rows N (20000; 0 skips),
 * --keep-database (PostgreSQL: seed gusu_bench_<N> once and reuse it),
 * --only TEXT (just the operations whose name contains TEXT).
 * DATABASE_URL selects PostgreSQL; without it the embedded PostgreSQL (its
 * processes, apart from the load generator's). Output: a table on stdout and bench/results/*.json.
 * Any error or non-200 answer fails the benchmark.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { signDevToken } from '../gateway/auth/dev-token';
import { createAuthenticator } from '../gateway/auth/identity';
import type { IngestCounts } from '../ingest/upload/answer-stream';
import { freePort } from '../scripts/free-port';
import { INTERNAL_TOKEN_HEADER, internalPrivateKey, signInternalToken } from '../shared/auth/internal-token';
import type { Principal } from '../shared/auth/principal';
import { SERVICE_NODE_FLAGS } from '../shared/config/node-flags';
import { defaultSubgraphUrl, SUBGRAPH_NAMES, SubgraphName, urlVariable } from '../shared/config/services';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { BATCH_SCREEN, HALL_PROFILE, ownPart, PUBLISHED_LIST } from './operations';
import { BENCH_PRINCIPAL_HEADER, benchPrincipalHeader } from './support/bench-principal';
import { LoadResult, runLoad } from './support/load';
import { penaltyRow, writeCsv } from './support/penalty-file';
import { childPid, cpuSeconds, memoryMb, postgresCpuBetween, postgresCpuSeconds, resetPeak } from './support/processes';
import { sqlStatements } from './support/sql-statements';
import { median } from './support/statistics';
import { benchSystem, BenchSystem } from './support/system';

const { values: args } = parseArgs({
  options: {
    subjects: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    'ingest-rows': { type: 'string', default: '20000' },
    'keep-database': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const SUBJECTS = positive('subjects');
const SECONDS = positive('seconds');
const CONNECTIONS = positive('connections');
const ROUNDS = positive('rounds');
const INGEST_ROWS = Number(args['ingest-rows']);
const WARM_UP_SECONDS = 3;

function positive(name: 'subjects' | 'seconds' | 'connections' | 'rounds'): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer, got ${args[name]}`);
  return value;
}

/** Hive Gateway's targets, by the query planner each runs (bench/hive-gateway.ts, HIVE_PLANNER). */
const HIVE_PLANNERS = { hive: 'js', 'hive-rust': 'rust' } as const;
type HiveTarget = keyof typeof HIVE_PLANNERS;
type TargetName = 'gusu' | HiveTarget | 'subgraph';
type Caller = 'hall' | 'department' | 'public';

interface Operation {
  name: string;
  caller: Caller;
  query: string;
  variables(): Record<string, unknown>;
  /** The subgraph that answers the operation alone, and the query it is sent (its own fields only). */
  direct?: { subgraph: SubgraphName; query: string; note: string };
  /** Slow operations run a fixed number of requests instead of for SECONDS. */
  load: { connections: number; requests?: number };
}

interface Run extends LoadResult {
  target: TargetName;
  round: number;
  sqlPerRequest: number;
  sqlPerRequestBySubgraph: Partial<Record<SubgraphName, number>>;
  /** CPU milliseconds each process spent per request during the run: where the time goes. */
  cpuMsPerRequest: Record<string, number>;
}

interface Hive {
  url: string;
  child: ChildProcess;
}

async function startHive(bench: BenchSystem, target: HiveTarget): Promise<Hive> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HIVE_PLANNER: HIVE_PLANNERS[target],
    PORT: String(port),
    SUPERGRAPH_FILE: resolve('supergraph.graphql'),
    INTERNAL_PRIVATE_KEY: bench.internalKeys.privateKey,
  };
  for (const name of SUBGRAPH_NAMES) env[urlVariable(name)] = defaultSubgraphUrl(name, bench.system.ports[name]);
  // The V8 flags our services run with (a young generation for large answers), so that both sides get them.
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, resolve(__dirname, 'hive-gateway.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${target} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (response.ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${target} did not answer within 60 s`);
}

function operations(data: ReturnType<typeof demoDataset>): Operation[] {
  const codes = data.subjects.flatMap((s) => (s.uscc ? [s.uscc] : []));
  const today = chinaToday();
  const listed = [
    ...new Set(
      data.listEntries
        .filter((e) => e.status === 'PUBLISHED' && (e.validUntil === null || e.validUntil >= today))
        .map((e) => e.subjectUscc),
    ),
  ];
  const listedSet = new Set(listed);
  const clean = codes.filter((c) => !listedSet.has(c));
  // A realistic batch: about one in ten bidders listed.
  const batch = (size: number) => [...listed.slice(0, Math.floor(size / 10)), ...clean.slice(0, size)].slice(0, size);
  const screen1k = batch(1_000);
  const screen10k = batch(10_000);
  // The published black list in publishedList's order (decided_at desc, id): a client reaches the last
  // page by following end cursors, which name the row before it (a keyset cursor), so the bench asks with one.
  const black = data.listEntries
    .filter((e) => e.list === 'BLACK' && e.status === 'PUBLISHED' && (e.validUntil === null || e.validUntil >= today))
    .sort((a, b) => (a.decidedAt === b.decidedAt ? a.id.localeCompare(b.id) : b.decidedAt.localeCompare(a.decidedAt)));
  const deepOffset = Math.max(0, black.length - 20);
  const deepCursor = Buffer.from(
    deepOffset === 0 ? 'offset:0' : `after:${deepOffset}:${black[deepOffset - 1].id}`,
    'utf8',
  ).toString('base64url');
  const pick = () => codes[Math.floor(Math.random() * codes.length)];
  const screenAlone = {
    subgraph: 'sanctions' as const,
    query: ownPart(BATCH_SCREEN, 'sanctions'),
    note: 'its own fields (subject { id creditStatus })',
  };
  const listAlone = {
    subgraph: 'sanctions' as const,
    query: ownPart(PUBLISHED_LIST, 'sanctions'),
    note: 'its own fields (no names of subjects or departments)',
  };
  const screening = (codes: string[], load: Operation['load']): Operation => ({
    name: `BatchScreen ${codes.length.toLocaleString('en')}`,
    caller: 'department',
    query: BATCH_SCREEN,
    variables: () => ({ usccs: codes, scenario: 'BIDDING', reference: 'bench' }),
    direct: screenAlone,
    load,
  });
  const publishedPage = (name: string, after: string | null): Operation => ({
    name,
    caller: 'public',
    query: PUBLISHED_LIST,
    variables: () => ({ list: 'BLACK', first: 20, ...(after ? { after } : {}) }),
    direct: listAlone,
    load: { connections: CONNECTIONS },
  });
  return [
    {
      name: 'HallProfile',
      caller: 'hall',
      query: HALL_PROFILE,
      variables: () => ({ uscc: pick(), scenario: 'ADMINISTRATIVE_LICENSING' }),
      load: { connections: CONNECTIONS },
    },
    screening(screen1k, { connections: 2, requests: 40 }),
    screening(screen10k, { connections: 1, requests: 5 }),
    publishedPage('PublishedList page 1', null),
    publishedPage(`PublishedList deep (offset ${deepOffset.toLocaleString('en')})`, deepCursor),
  ];
}

interface CpuReading {
  byProcess: Record<string, number>;
  postgres: Map<number, number>;
}

/** CPU seconds so far of each process of the system, of the load generator (this process) and of PostgreSQL (embedded or not). */
function readCpu(pids: Record<string, number>): CpuReading {
  const byProcess: Record<string, number> = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]),
  );
  byProcess.autocannon = cpuSeconds(process.pid);
  return { byProcess, postgres: postgresCpuSeconds() };
}

/** CPU milliseconds per request of each process between two readings. */
function cpuMsPerRequest(before: CpuReading, after: CpuReading, requests: number): Record<string, number> {
  const seconds: Record<string, number> = Object.fromEntries(
    Object.keys(after.byProcess).map((name) => [name, after.byProcess[name] - before.byProcess[name]]),
  );
  seconds.postgres = postgresCpuBetween(before.postgres, after.postgres);
  return Object.fromEntries(
    Object.entries(seconds).map(([name, s]) => [name, Number(((s * 1000) / requests).toFixed(1))]),
  );
}

async function allStatements(bench: BenchSystem): Promise<Record<SubgraphName, number>> {
  const counts = await Promise.all(SUBGRAPH_NAMES.map((name) => sqlStatements(bench.system.ports[name])));
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, counts[i]])) as Record<SubgraphName, number>;
}

async function main(): Promise<void> {
  const started = Date.now();
  const embedded = !process.env.DATABASE_URL;
  process.stderr.write(
    `seeding ${SUBJECTS.toLocaleString('en')} subjects on ${embedded ? 'the embedded PostgreSQL' : 'PostgreSQL'}…\n`,
  );
  const bench = await benchSystem({
    subjects: SUBJECTS,
    keptDatabase: args['keep-database'] ? `gusu_bench_${SUBJECTS}` : undefined,
    startTimeoutMs: 4 * 3600_000,
  });
  const seedSeconds = Math.round((Date.now() - started) / 1000);
  const hives: Partial<Record<HiveTarget, Hive>> = {};
  try {
    for (const target of Object.keys(HIVE_PLANNERS) as HiveTarget[]) hives[target] = await startHive(bench, target);
    const data = demoDataset({ ...process.env, DEMO_SUBJECTS: String(SUBJECTS) });
    const tokens: Record<Caller, string | null> = {
      hall: await signDevToken(bench.jwtSecret, {
        sub: 'bench-hall',
        name: '政务服务大厅窗口',
        org: 'gusu.xzspj',
        roles: ['hall'],
        ttl: '4h',
      }),
      department: await signDevToken(bench.jwtSecret, {
        sub: 'bench-department',
        org: 'gusu.fgj',
        roles: ['department'],
        ttl: '4h',
      }),
      public: null,
    };
    const authenticate = createAuthenticator({ keys: { devSecret: bench.jwtSecret } });
    const principals = {} as Record<Caller, Principal>;
    for (const caller of Object.keys(tokens) as Caller[])
      principals[caller] = await authenticate(tokens[caller] ? `Bearer ${tokens[caller]}` : undefined);
    const key = internalPrivateKey(bench.internalKeys.privateKey);

    const pids: Record<string, number> = { gateway: childPid('gateway/index.js') };
    for (const [target, hive] of Object.entries(hives)) pids[target] = hive.child.pid!;
    for (const name of SUBGRAPH_NAMES) pids[name] = childPid(`subgraphs/${name}/index.js`);
    for (const pid of Object.values(pids)) resetPeak(pid);

    const report: Record<string, unknown>[] = [];
    for (const operation of operations(data).filter((o) => !args.only || o.name.includes(args.only))) {
      const targets: {
        name: TargetName;
        url: string;
        headers: () => Promise<Record<string, string>>;
        query: string;
      }[] = [
        {
          name: 'gusu',
          url: `${bench.system.gatewayUrl}/graphql`,
          headers: async (): Promise<Record<string, string>> =>
            tokens[operation.caller] ? { authorization: `Bearer ${tokens[operation.caller]}` } : {},
          query: operation.query,
        },
        ...Object.entries(hives).map(([name, hive]) => ({
          name: name as HiveTarget,
          url: hive.url,
          headers: async () => ({ [BENCH_PRINCIPAL_HEADER]: benchPrincipalHeader(principals[operation.caller]) }),
          query: operation.query,
        })),
      ];
      const direct = operation.direct;
      if (direct) {
        targets.push({
          name: 'subgraph',
          url: defaultSubgraphUrl(direct.subgraph, bench.system.ports[direct.subgraph]),
          // A run is shorter than the token's 60 s life; each run signs a new one.
          headers: async () => ({
            [INTERNAL_TOKEN_HEADER]: await signInternalToken(principals[operation.caller], direct.subgraph, key),
          }),
          query: direct.query,
        });
      }
      const runOnce = async (target: (typeof targets)[number], seconds: number) =>
        runLoad({
          url: target.url,
          headers: await target.headers(),
          body: () => JSON.stringify({ query: target.query, variables: operation.variables() }),
          connections: operation.load.connections,
          ...(operation.load.requests
            ? {
                requests:
                  seconds === WARM_UP_SECONDS
                    ? Math.max(1, Math.ceil(operation.load.requests / 5))
                    : operation.load.requests,
              }
            : { seconds }),
        });
      for (const target of targets) {
        const warm = await runOnce(target, WARM_UP_SECONDS);
        if (warm.errors)
          throw new Error(
            `${operation.name} via ${target.name} (warm-up): ${warm.errors} errors; first: ${warm.firstError}`,
          );
      }
      const runs: Run[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        // A B C D, B C D A, …: each target goes first in turn.
        const order = targets.map((_, i) => targets[(i + round) % targets.length]);
        for (const target of order) {
          const before = await allStatements(bench);
          const cpuBefore = readCpu(pids);
          const result = await runOnce(target, SECONDS);
          const cpu = cpuMsPerRequest(cpuBefore, readCpu(pids), result.requests);
          const after = await allStatements(bench);
          if (result.errors)
            throw new Error(
              `${operation.name} via ${target.name}: ${result.errors} errors in ${result.requests} answers; first: ${result.firstError}`,
            );
          const bySubgraph = Object.fromEntries(
            SUBGRAPH_NAMES.map((name) => [
              name,
              Number(((after[name] - before[name]) / result.requests).toFixed(2)),
            ]).filter(([, n]) => n !== 0),
          );
          const total = SUBGRAPH_NAMES.reduce((sum, name) => sum + after[name] - before[name], 0);
          runs.push({
            ...result,
            target: target.name,
            round,
            sqlPerRequest: Number((total / result.requests).toFixed(2)),
            sqlPerRequestBySubgraph: bySubgraph,
            cpuMsPerRequest: cpu,
          });
          process.stderr.write(
            `${operation.name} · ${target.name} · round ${round + 1}: ${result.requestsPerSecond} req/s, p99 ${result.p99Ms} ms\n`,
          );
        }
      }
      report.push(
        summarize(
          operation,
          targets.map((t) => t.name),
          runs,
        ),
      );
    }

    const ingest = INGEST_ROWS > 0 ? await ingestPenalties(bench, data) : null;
    const peakRssMb = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, memoryMb(pid, 'VmHWM')]));
    const result = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      database: embedded ? 'embedded PostgreSQL' : 'PostgreSQL',
      subjects: data.subjects.length,
      penalties: data.penalties.length,
      licenses: data.licenses.length,
      listEntries: data.listEntries.length,
      commitments: data.commitments.length,
      repairCases: data.repairCases.length,
      startupWithSeedSeconds: seedSeconds,
      method: {
        secondsPerRun: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
        connections: CONNECTIONS,
        rounds: ROUNDS,
        keepAlive: true,
        tool: 'autocannon 8',
      },
      operations: report,
      ingest,
      peakRssMb,
    };
    printTable(result.operations, ingest, peakRssMb, result);
    mkdirSync(resolve('bench/results'), { recursive: true });
    const file = resolve(
      'bench/results',
      `${result.measuredAt.replace(/[:.]/g, '-')}-${embedded ? 'embedded' : 'postgres'}-${SUBJECTS}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\nresults: ${file}\n`);
  } finally {
    await Promise.all(Object.values(hives).map(stopHive));
    await bench.stop();
  }
}

async function stopHive({ child }: Hive): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function summarize(operation: Operation, targets: TargetName[], runs: Run[]): Record<string, unknown> {
  const of = (target: TargetName) => runs.filter((r) => r.target === target);
  const medianOf = (target: TargetName, field: 'requestsPerSecond' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'sqlPerRequest') =>
    median(of(target).map((r) => r[field]));
  const pairRatio = (other: TargetName, field: 'requestsPerSecond' | 'p99Ms') => {
    const ours = of('gusu');
    const theirs = of(other);
    return Number(median(ours.map((r, i) => r[field] / theirs[i][field])).toFixed(2));
  };
  return {
    operation: operation.name,
    direct: operation.direct
      ? `${operation.direct.subgraph} ${operation.direct.note}`
      : 'none (several subgraphs own its fields)',
    load: operation.load.requests
      ? `${operation.load.requests} requests, ${operation.load.connections} connection(s)`
      : `${SECONDS} s, ${operation.load.connections} connections`,
    targets: Object.fromEntries(
      targets.map((t) => [
        t,
        {
          requestsPerSecond: medianOf(t, 'requestsPerSecond'),
          p50Ms: medianOf(t, 'p50Ms'),
          p95Ms: medianOf(t, 'p95Ms'),
          p99Ms: medianOf(t, 'p99Ms'),
          sqlPerRequest: medianOf(t, 'sqlPerRequest'),
          sqlPerRequestBySubgraph: of(t).at(-1)?.sqlPerRequestBySubgraph,
          cpuMsPerRequest: Object.fromEntries(
            Object.keys(of(t)[0].cpuMsPerRequest).map((name) => [
              name,
              median(of(t).map((r) => r.cpuMsPerRequest[name])),
            ]),
          ),
          requests: of(t).reduce((sum, r) => sum + r.requests, 0),
          errors: of(t).reduce((sum, r) => sum + r.errors, 0),
        },
      ]),
    ),
    ratios: Object.fromEntries(
      targets
        .filter((t) => t !== 'gusu')
        .map((t) => [
          `gusu/${t}`,
          { requestsPerSecond: pairRatio(t, 'requestsPerSecond'), p99: pairRatio(t, 'p99Ms') },
        ]),
    ),
    runs,
  };
}

/** Penalties through POST /ingest/penalties as the market regulator: rows per second, once. */
async function ingestPenalties(
  bench: BenchSystem,
  data: ReturnType<typeof demoDataset>,
): Promise<Record<string, number>> {
  const authority = data.departments.find((d) => d.code === 'gusu.scjgj');
  if (!authority) throw new Error('the demo dataset has no gusu.scjgj');
  const dir = mkdtempSync(join(tmpdir(), 'gusu-bench-'));
  try {
    const path = join(dir, 'penalties.csv');
    await writeCsv(path, INGEST_ROWS, (i) => penaltyRow('BENCH', i, chinaToday(), authority));
    const token = await signDevToken(bench.jwtSecret, {
      sub: 'bench-ingest',
      org: authority.code,
      roles: ['department'],
      ttl: '4h',
    });
    const before = await sqlStatements(bench.system.ports.subjects);
    const startedAt = performance.now();
    const response = await fetch(`${bench.system.gatewayUrl}/ingest/penalties`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'content-length': String(statSync(path).size),
      },
      body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const answer = (await response.json()) as { counts: IngestCounts; error: unknown };
    const seconds = (performance.now() - startedAt) / 1000;
    if (response.status !== 200 || answer.error)
      throw new Error(`ingest: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
    const statements = (await sqlStatements(bench.system.ports.subjects)) - before;
    return {
      rows: INGEST_ROWS,
      seconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round(INGEST_ROWS / seconds),
      accepted: answer.counts.accepted,
      rejected: answer.counts.rejected,
      sqlStatementsPerBatch: Number((statements / answer.counts.batches).toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(
  operations: Record<string, unknown>[],
  ingest: Record<string, number> | null,
  peakRssMb: Record<string, number>,
  result: { database: string; subjects: number },
): void {
  process.stdout.write(
    `\n${result.database}, ${result.subjects.toLocaleString('en')} subjects; medians of ${ROUNDS} alternating rounds\n`,
  );
  const rows: Record<string, string | number>[] = [];
  for (const op of operations as {
    operation: string;
    targets: Record<
      string,
      { requestsPerSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; sqlPerRequest: number }
    >;
    ratios: Record<string, { requestsPerSecond: number; p99: number }>;
  }[]) {
    for (const [target, t] of Object.entries(op.targets)) {
      const ratio = op.ratios[`gusu/${target}`];
      rows.push({
        operation: op.operation,
        via: target,
        'req/s': t.requestsPerSecond,
        'p50 ms': t.p50Ms,
        'p95 ms': t.p95Ms,
        'p99 ms': t.p99Ms,
        'SQL/req': t.sqlPerRequest,
        'ours ÷ this, req/s': ratio ? ratio.requestsPerSecond : '',
        'ours ÷ this, p99': ratio ? ratio.p99 : '',
      });
    }
  }
  console.table(rows);
  if (ingest)
    process.stdout.write(
      `ingest: ${ingest.rows.toLocaleString('en')} penalty rows (CSV) in ${ingest.seconds} s = ${ingest.rowsPerSecond.toLocaleString('en')} rows/s\n`,
    );
  process.stdout.write(
    `peak RSS (MB): ${Object.entries(peakRssMb)
      .map(([name, mb]) => `${name} ${mb}`)
      .join(', ')}\n`,
  );
}

// Exits when done: some handle of the load generator's (not found) kept the process open after the system had stopped.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
