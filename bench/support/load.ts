import autocannon from 'autocannon';
import { percentile } from './statistics';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  /** The body of the next request (a different subject each time, say). */
  body(): string;
  connections: number;
  /** Seconds of load; or, for slow operations, `requests` in all. */
  seconds?: number;
  requests?: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Non-200 answers, GraphQL errors in a 200, and failed connections. */
  errors: number;
  firstError: string | null;
}

/**
 * One autocannon run over keep-alive connections. Every answer is read: a
 * GraphQL `errors` member counts as an error like a non-200, because a fast
 * wrong answer is not a result. Latencies are kept one by one for exact
 * percentiles (autocannon's own table has no p95).
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const fail = (reason: string) => {
    errors += 1;
    firstError ??= reason.slice(0, 500);
  };
  const started = performance.now();
  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    ...(spec.requests ? { amount: spec.requests } : { duration: spec.seconds ?? 10 }),
    timeout: 120,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...spec.headers },
        setupRequest: (request) => ({ ...request, body: spec.body() }),
        onResponse: (status, body) => {
          if (status !== 200) fail(`HTTP ${status}: ${body}`);
          else if (body.includes('"errors":')) fail(body);
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('reqError', (error) => fail(`request failed: ${error.message}`));
  });
  const seconds = (performance.now() - started) / 1000;
  errors += result.timeouts;
  if (result.timeouts) firstError ??= `${result.timeouts} requests timed out`;
  if (latencies.length === 0) fail('no answer at all');
  return {
    requests: latencies.length,
    requestsPerSecond: Number((latencies.length / seconds).toPrecision(4)),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p95Ms: Number(percentile(latencies, 95).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    errors,
    firstError,
  };
}
