import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS } from '../../shared/metrics/buckets';
import { metricsRegistry } from '../../shared/metrics/registry';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** ok (2xx) | http_4xx | http_5xx | unreachable (refused, reset, timed out) | aborted (timed out, or the caller gave up). */
const duration = new Histogram({
  name: 'gusu_subgraph_fetch_duration_seconds',
  help: 'Time of one gateway → subgraph HTTP request (planned fetches, audit writes, directory reads), by subgraph and outcome.',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.002, ...LATENCY_BUCKETS],
  registers: [metricsRegistry],
});

const errors = new Counter({
  name: 'gusu_subgraph_fetch_errors_total',
  help: 'Gateway → subgraph requests that got no 2xx answer, by subgraph and code (unreachable, aborted, http_4xx, http_5xx, http_502–504).',
  labelNames: ['subgraph', 'code'] as const,
  registers: [metricsRegistry],
});

/** The subgraph's HTTP status, bounded: 4xx and 5xx by their class alone, with 502–504 (a proxy or the subgraph saying "not now") kept apart. */
function statusCode(status: number): string {
  if (status >= 502 && status <= 504) return `http_${status}`;
  return status >= 500 ? 'http_5xx' : 'http_4xx';
}

/** `fetch`, timed and counted as a request to `subgraph`; a query shared with one in flight is counted for each caller. */
export function timedFetcher(subgraph: string, fetch: Fetcher): Fetcher {
  return async (url, init) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await fetch(url, init);
      const ok = response.status >= 200 && response.status < 300;
      duration.observe({ subgraph, outcome: ok ? 'ok' : response.status >= 500 ? 'http_5xx' : 'http_4xx' }, seconds());
      if (!ok) errors.inc({ subgraph, code: statusCode(response.status) });
      return response;
    } catch (error) {
      const outcome = init?.signal?.aborted ? 'aborted' : 'unreachable';
      duration.observe({ subgraph, outcome }, seconds());
      errors.inc({ subgraph, code: outcome });
      throw error;
    }
  };
}
