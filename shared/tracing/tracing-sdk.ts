import type { IncomingMessage } from 'node:http';
import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { core, NodeSDK } from '@opentelemetry/sdk-node';
import { withoutLiterals } from './sql-literals';

const { W3CTraceContextPropagator } = core;

/**
 * The SDK itself, required only by start-tracing.ts once tracing is on. OTLP/HTTP with JSON bodies to
 * OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT; sampler, batching and limits from the standard OTEL_* variables.
 */
export interface TracingOptions {
  serviceName: string;
  /**
   * Whether a `traceparent` sent by the caller continues its trace. The subgraphs trust the gateway's; the public
   * gateway starts a trace of its own for every request, so no client decides what is sampled or joins its
   * requests to someone else's trace.
   */
  trustIncomingContext: boolean;
}

/** Injects W3C trace context into outgoing requests and never reads it from incoming ones. */
class InjectOnlyPropagator implements TextMapPropagator {
  private readonly w3c = new W3CTraceContextPropagator();

  inject(ctx: Context, carrier: unknown, setter: TextMapSetter): void {
    this.w3c.inject(ctx, carrier, setter);
  }

  extract(ctx: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return ctx;
  }

  fields(): string[] {
    return this.w3c.fields();
  }
}

/** Kubernetes probes and Prometheus scrapes: a trace each would be noise (and a cost) with nothing to learn. */
function isProbe(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0];
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/** The query string can carry a GraphQL GET's variables (personal data): its presence is kept, its content never. */
function withoutQueryString(request: IncomingMessage): Record<string, string> {
  return request.url?.includes('?') ? { 'url.query': 'REDACTED' } : {};
}

const DB_QUERY_TEXT = 'db.query.text';

/** Never throws: the instrumentation swallows a hook's error and would then keep the text as it was. */
function safeSqlText(text: string): string {
  try {
    return withoutLiterals(text);
  } catch {
    return 'REDACTED';
  }
}

/** Registers the global tracer provider that @apollo/gateway's own spans (gateway.request, gateway.plan, gateway.fetch …) use too. */
export function buildTracingSdk({ serviceName, trustIncomingContext }: TracingOptions): NodeSDK {
  return new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    textMapPropagator: trustIncomingContext ? new W3CTraceContextPropagator() : new InjectOnlyPropagator(),
    // Traces only: the SDK would otherwise also start OTLP metric and log exporters (metrics are prom-client's).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: isProbe,
        startIncomingSpanHook: withoutQueryString,
      }),
      // The gateway's subgraph calls (an undici Pool): a client span each, and the traceparent header on the request.
      new UndiciInstrumentation(),
      // Statement text without its values: the bound values are never recorded (enhancedDatabaseReporting off), and
      // the ones MikroORM inlines are replaced by `?`. No root spans of their own: pg-boss polling is not traced.
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requireParentSpan: true,
        requestHook: (span, { query }) => span.setAttribute(DB_QUERY_TEXT, safeSqlText(query.text)),
      }),
    ],
  });
}
