import type { NodeSDK } from '@opentelemetry/sdk-node';
import { ConfigError, optionalEnv } from '../config/env';

/**
 * OpenTelemetry traces, on only when an OTLP endpoint is configured. Off, nothing of the SDK is even
 * required (the requires are inside the `if`), so a process without the variable pays nothing.
 *
 * Load order matters: the instrumentations patch `http`, `pg` and undici's diagnostics channels when they are
 * registered, and `pg` is patched only if it is required afterwards. So each process's entry file imports its
 * own `tracing.ts` (which calls this) as its very first import; tsc's CommonJS output keeps imports in source
 * order, and no module before it loads http or pg.
 */
let running: NodeSDK | undefined;

/** Where spans go, or undefined when tracing is off (neither variable set, or OTEL_SDK_DISABLED=true). */
export function tracesEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (optionalEnv('OTEL_SDK_DISABLED', 'false', env).toLowerCase() === 'true') return undefined;
  const name = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()
    ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
    : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const endpoint = optionalEnv(name, '', env);
  if (!endpoint) return undefined;
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw new ConfigError(
      `environment variable ${name} must be an http(s) URL of an OTLP/HTTP collector, got '${endpoint}'`,
    );
  }
  return endpoint;
}

/** Starts tracing for `service` (named gusu-<service> unless OTEL_SERVICE_NAME says otherwise); true when on. */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (running || tracesEndpoint(env) === undefined) return running !== undefined;
  // Lazy on purpose: see the comment at the top.
  const { buildTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  running = buildTracingSdk({
    serviceName: optionalEnv('OTEL_SERVICE_NAME', `gusu-${service}`, env),
    trustIncomingContext: service !== 'gateway',
  });
  running.start();
  return true;
}

/** How long stopping waits for the last spans to reach the collector: a dead collector must not hold a stop. */
const FLUSH_LIMIT_MS = 2_000;

/** Sends the spans still buffered and stops the SDK, giving up after FLUSH_LIMIT_MS; does nothing when off. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  if (!sdk) return;
  running = undefined;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((done) => (timer = setTimeout(done, FLUSH_LIMIT_MS)));
  await Promise.race([sdk.shutdown().catch(() => undefined), limit]);
  clearTimeout(timer);
}
