/**
 * npm run bench:metrics — what the metrics cost per request, in-process: the
 * Apollo plugin's two hooks (a counter and a histogram with operation/outcome
 * labels), the timed subgraph fetch wrapper, and one scrape of a registry
 * holding 200 operation names. Medians of 5 runs; end-to-end load tests on a
 * shared machine are too noisy to see a few microseconds.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { timedFetcher } from '../gateway/metrics/subgraph-fetch';
import { CLIENT_CODES } from '../shared/graphql/format-error';
import { graphqlMetricsPlugin } from '../shared/metrics/graphql-requests';
import { initMetrics, scrape } from '../shared/metrics/registry';
import { median } from './support/statistics';

const N = 200_000;
type Listener = GraphQLRequestListener<object>;
type Fetcher = Parameters<typeof timedFetcher>[1];

async function nsPerCall(n: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call(i);
  return Number(process.hrtime.bigint() - started) / n;
}

async function main(): Promise<void> {
  initMetrics('bench');
  const plugin = graphqlMetricsPlugin<object>(CLIENT_CODES) as Required<ApolloServerPlugin<object>>;
  const response = { body: { kind: 'single', singleResult: { data: { a: 1 } } }, http: { headers: new Map() } };
  // The hooks Apollo calls per request, with the context fields they read.
  const request = async (i: number) => {
    const listener = (await plugin.requestDidStart({} as never)) as Listener;
    await listener.willSendResponse!({
      response,
      operationName: `Operation${i % 50}`,
      document: undefined,
      request: {},
    } as never);
  };
  const empty = async () => {};
  const answer = { status: 200 } as Awaited<ReturnType<Fetcher>>;
  const raw: Fetcher = async () => answer;
  const timed = timedFetcher('subjects', raw);
  const runs = {
    plugin: [] as number[],
    baseline: [] as number[],
    rawFetch: [] as number[],
    timedFetch: [] as number[],
    scrapeMs: [] as number[],
  };
  for (let i = 0; i < 200; i++) await request(i + 1000); // 200 distinct names: the cap, as many series as a process may hold
  for (let run = 0; run < 5; run++) {
    runs.baseline.push(await nsPerCall(N, empty));
    runs.plugin.push(await nsPerCall(N, request));
    runs.rawFetch.push(await nsPerCall(N, () => raw('http://x/graphql', {})));
    runs.timedFetch.push(await nsPerCall(N, () => timed('http://x/graphql', {})));
    const started = process.hrtime.bigint();
    const { body } = await scrape();
    runs.scrapeMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run === 0)
      process.stdout.write(
        `scrape: ${body.length} bytes, ${body.split('\n').filter((l) => l && !l.startsWith('#')).length} samples\n`,
      );
  }
  const m = (xs: number[]) => median(xs);
  process.stdout.write(
    `${JSON.stringify({
      pluginNsPerRequest: Math.round(m(runs.plugin) - m(runs.baseline)),
      timedFetchOverheadNs: Math.round(m(runs.timedFetch) - m(runs.rawFetch)),
      scrapeMs: Number(m(runs.scrapeMs).toFixed(2)),
      runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => Math.round(x * 100) / 100)])),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
