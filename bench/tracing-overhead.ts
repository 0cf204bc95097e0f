/**
 * npm run bench:tracing — what OpenTelemetry traces cost. Three runs of the whole system, each on a fresh
 * database: BASE_DIST (a build from before tracing existed, optional), this build with tracing off, and this build
 * with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a receiver on loopback that accepts every export. For each: how
 * long the gateway process takes to listen (started alone, median of 5), then HallProfile as a hall terminal,
 * one at a time (median and p95), then 8 connections for 4 s, twice (requests per second). The three systems
 * run side by side and every phase alternates between them.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { signDevToken } from '../gateway/auth/dev-token';
import { randomKey } from '../scripts/dev-secrets';
import { freePort } from '../scripts/free-port';
import { createFreshDatabase } from '../scripts/fresh-database';
import { FREE_PORTS, startSystem } from '../scripts/system';
import { generateInternalKeyPair } from '../shared/auth/internal-token';
import { median, percentile } from './support/statistics';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARM_UP = 30;
const HALL_PROFILE = readFileSync(resolve(__dirname, '../../test/operations/hall-profile.graphql'), 'utf8');

interface Run {
  name: string;
  distDir: string;
  env: NodeJS.ProcessEnv;
}

/** An OTLP/HTTP endpoint that reads and accepts every export, counting spans' bytes. */
async function receiver(): Promise<{ url: string; bytes: () => number; spans: Map<string, number>; close(): void }> {
  let bytes = 0;
  const spans = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      bytes += body.length;
      const parsed = JSON.parse(body.toString('utf8')) as {
        resourceSpans: { scopeSpans: { scope: { name: string }; spans: unknown[] }[] }[];
      };
      for (const { scopeSpans } of parsed.resourceSpans)
        for (const { scope, spans: list } of scopeSpans)
          spans.set(scope.name, (spans.get(scope.name) ?? 0) + list.length);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    spans,
    close: () => server.close(),
  };
}

/** Milliseconds from spawning the gateway alone to its "gateway listening" line. */
async function gatewayStartMs(run: Run, keys: { privateKey: string }, secret: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(run.distDir, 'gateway/index.js')], {
    env: {
      ...process.env,
      ...run.env,
      GATEWAY_PORT: String(port),
      AUTH_JWT_SECRET: secret,
      INTERNAL_PRIVATE_KEY: keys.privateKey,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('gateway listening')) {
        done(performance.now() - started);
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code) => fail(new Error(`gateway exited ${code} before listening`)));
  }).finally(() => child.kill('SIGKILL')) as Promise<number>;
}

interface Started {
  run: Run;
  url: string;
  body: string;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

async function startRun(run: Run, secret: string, keys: ReturnType<typeof generateInternalKeyPair>): Promise<Started> {
  const database = process.env.DATABASE_URL
    ? await createFreshDatabase(process.env.DATABASE_URL, `gusu_bench_tracing_${run.name}`)
    : undefined;
  const system = await startSystem({
    databaseUrl: database?.url,
    jwtSecret: secret,
    internalKeys: keys,
    ports: FREE_PORTS,
    demoData: true,
    env: { LOG_LEVEL: 'warn', ...run.env },
    output: { logDir: resolve('.data', `bench-tracing-${run.name}`) },
    distDir: run.distDir,
  });
  const url = `${system.gatewayUrl}/graphql`;
  const listed = (await (
    await send(
      url,
      JSON.stringify({ query: '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }' }),
    )
  ).json()) as {
    data: { publishedList: { nodes: { subject: { uscc: string } }[] } };
  };
  const body = JSON.stringify({
    query: HALL_PROFILE,
    variables: { uscc: listed.data.publishedList.nodes[0].subject.uscc, scenario: 'BIDDING' },
  });
  const headers = {
    authorization: `Bearer ${await signDevToken(secret, { sub: 'bench-hall', name: 'bench', org: 'gusu.xzspj', roles: ['hall'], ttl: '1h' })}`,
  };
  return {
    run,
    url,
    body,
    headers,
    stop: async () => {
      await system.stop();
      await database?.drop();
    },
  };
}

function send(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** Every phase alternates between the runs, so a machine busy with other work weighs on each alike. */
async function measure(runs: Run[]): Promise<Record<string, number | string>[]> {
  const secret = randomKey();
  const keys = generateInternalKeyPair();
  const starts = new Map<string, number[]>(runs.map((r) => [r.name, []]));
  for (let i = 0; i < 5; i++)
    for (const run of runs) starts.get(run.name)!.push(await gatewayStartMs(run, keys, secret));
  const started: Started[] = [];
  try {
    for (const run of runs) started.push(await startRun(run, secret, keys));
    const times = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    for (let i = 0; i < WARM_UP + ROUNDS; i++) {
      for (const target of started) {
        const t0 = performance.now();
        const answer = await send(target.url, target.body, target.headers);
        const json = (await answer.json()) as { errors?: unknown };
        if (answer.status !== 200 || json.errors)
          throw new Error(`HallProfile failed: ${answer.status} ${JSON.stringify(json.errors)}`);
        if (i >= WARM_UP) times.get(target.run.name)!.push(performance.now() - t0);
      }
    }
    const throughput = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    for (let pass = 0; pass < 2; pass++) {
      for (const target of started) {
        const load = await autocannon({
          url: target.url,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...target.headers },
          body: target.body,
          connections: 8,
          duration: 4,
        });
        if (load.non2xx > 0) throw new Error(`${load.non2xx} answers were not 2xx`);
        throughput.get(target.run.name)!.push(load.requests.average);
      }
    }
    return runs.map((run) => ({
      run: run.name,
      gatewayStartMs: Math.round(median(starts.get(run.name)!)),
      medianMs: Number(median(times.get(run.name)!).toFixed(2)),
      p95Ms: Number(percentile(times.get(run.name)!, 95).toFixed(2)),
      requestsPerSecond: Math.round(throughput.get(run.name)!.reduce((a, b) => a + b, 0) / 2),
    }));
  } finally {
    for (const target of started) await target.stop();
  }
}

async function main(): Promise<void> {
  const here = resolve(__dirname, '..');
  const collector = await receiver();
  const runs: Run[] = [
    ...(process.env.BENCH_ONLY_ON
      ? []
      : process.env.BASE_DIST
        ? [{ name: 'before', distDir: resolve(process.env.BASE_DIST), env: {} }]
        : []),
    ...(process.env.BENCH_ONLY_ON ? [] : [{ name: 'off', distDir: here, env: {} }]),
    { name: 'on', distDir: here, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url } },
  ];
  console.table(await measure(runs));
  console.log(
    `spans exported while on: ${(collector.bytes() / 1024).toFixed(0)} KiB of OTLP JSON`,
    Object.fromEntries(collector.spans),
  );
  collector.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
