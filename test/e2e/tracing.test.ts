import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { RunningSystem } from '../../scripts/system';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { tokenFor } from '../support/tokens';

/**
 * OpenTelemetry traces through the real processes: a system of this test's own exports to an OTLP/HTTP receiver
 * on loopback. The batch delay is a minute, so every span the receiver gets was sent by the flush on graceful stop.
 */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
const ROOT = resolve(__dirname, '../..');
/** A trace context a client made up: the public gateway must not continue it. */
const CLIENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SERVER = 2;
const CLIENT = 3;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[];
  }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string;
  scope: string;
}

function text(value: OtlpValue): string {
  return (
    value.stringValue ??
    (value.arrayValue ? value.arrayValue.values.map(text).join(' ') : String(value.intValue ?? value.boolValue ?? ''))
  );
}

function attribute(span: OtlpSpan, key: string): string | undefined {
  const found = span.attributes?.find((a) => a.key === key);
  return found && text(found.value);
}

/** An OTLP/HTTP collector reduced to what the test reads: JSON exports of spans, kept in arrival order. */
function startReceiver(): Promise<{ server: Server; url: string; spans: ReceivedSpan[]; contentTypes: Set<string> }> {
  const spans: ReceivedSpan[] = [];
  const contentTypes = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      contentTypes.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const { scope, spans: received } of scopeSpans)
          for (const span of received) spans.push({ ...span, service, scope: scope.name });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, contentTypes }),
    ),
  );
}

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let own: OwnSystem | undefined;
  let system: RunningSystem | undefined;

  beforeAll(async () => {
    receiver = await startReceiver();
    own = await startOwnSystem('tracing', {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '60000' },
    });
    system = own.system;
  }, 180_000);

  afterAll(async () => {
    await own?.stop();
    await new Promise((done) => receiver?.server.close(done));
  }, 60_000);

  it('one trace runs gateway → subgraphs → PostgreSQL, holds no token or variable, and is flushed on graceful stop', async () => {
    const running = system!;
    const token = await tokenFor('hall');
    const post = (body: object, headers: Record<string, string> = {}) =>
      fetch(`${running.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const listed = (await (
      await post({ query: '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }' })
    ).json()) as {
      data: { publishedList: { nodes: { subject: { uscc: string } }[] } };
    };
    const uscc = listed.data.publishedList.nodes[0].subject.uscc;
    const answer = await post(
      { query: HALL_PROFILE, variables: { uscc, scenario: 'BIDDING' } },
      { authorization: `Bearer ${token}`, traceparent: `00-${CLIENT_TRACE_ID}-00f067aa0ba902b7-01` },
    );
    const profile = (await answer.json()) as { data?: { subject: { uscc: string } }; errors?: unknown };
    expect(answer.status).toBe(200);
    expect(profile.errors).toBeUndefined();
    expect(profile.data?.subject.uscc).toBe(uscc);
    // A malformed trace context from a client changes nothing.
    const malformed = await post(
      { query: '{ departments { code } }' },
      { traceparent: `00-${'z'.repeat(600)}-zz-zz`, tracestate: '\u00ff'.repeat(100) },
    );
    expect(malformed.status).toBe(200);

    // Nothing is due before a minute: all that arrives is the flush of the graceful stop.
    expect(receiver.spans).toHaveLength(0);
    system = undefined;
    await running.stop();
    expect([...receiver.contentTypes].every((line) => line === 'POST /v1/traces application/json')).toBe(true);
    const spans = receiver.spans;
    expect(new Set(spans.map((s) => s.service))).toEqual(
      new Set([
        'gusu-gateway',
        'gusu-subjects',
        'gusu-sanctions',
        'gusu-commitments',
        'gusu-repairs',
        'gusu-evaluations',
      ]),
    );

    const request = spans.find(
      (s) =>
        s.service === 'gusu-gateway' &&
        s.name === 'gateway.request' &&
        attribute(s, 'graphql.operation.name') === 'HallProfile',
    );
    expect(request).toBeDefined();
    const trace = spans.filter((s) => s.traceId === request!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    // The gateway's server span is the root: the client's made-up traceparent was not continued.
    const root = trace.find((s) => !s.parentSpanId);
    expect(root).toMatchObject({ service: 'gusu-gateway', kind: SERVER, scope: '@opentelemetry/instrumentation-http' });
    expect(attribute(root!, 'url.path')).toBe('/graphql');
    expect(spans.some((s) => s.traceId === CLIENT_TRACE_ID)).toBe(false);

    for (const subgraph of ['subjects', 'sanctions']) {
      // The subgraph's server spans (a request may need several calls to one subgraph) …
      const servers = trace.filter((s) => s.service === `gusu-${subgraph}` && s.kind === SERVER);
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) {
        // … each a child of a gateway undici client span (traceparent sent on the Pool request), under the root.
        const call = byId.get(server.parentSpanId ?? '');
        expect(call).toMatchObject({
          service: 'gusu-gateway',
          kind: CLIENT,
          scope: '@opentelemetry/instrumentation-undici',
        });
        expect(ancestors(call!)).toContain(root);
      }
      // PostgreSQL statements of that request, each under one of the subgraph's server spans.
      const statements = trace.filter(
        (s) => s.service === `gusu-${subgraph}` && s.scope === '@opentelemetry/instrumentation-pg' && s.kind === CLIENT,
      );
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) expect(ancestors(statement).some((a) => servers.includes(a))).toBe(true);
      expect(
        statements.some((s) => /select/i.test(attribute(s, 'db.query.text') ?? attribute(s, 'db.statement') ?? '')),
      ).toBe(true);
    }

    // No span anywhere carries a token (a JWT starts with eyJ: the caller's and the internal one alike) or a variable's value.
    const values = spans.flatMap((s) =>
      (s.attributes ?? []).map((a) => `${s.service} ${s.name} ${a.key}=${text(a.value)}`),
    );
    expect(
      values.filter((v) => v.includes(token) || v.includes('eyJ') || v.includes(uscc) || v.includes('BIDDING')),
    ).toEqual([]);
  }, 120_000);
});

describe('traces off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  /** Loads each entry point's tracing module as its first import does, and says which OpenTelemetry modules came with it. */
  function loadedAfterTracingStart(env: NodeJS.ProcessEnv): string[] {
    const script = `
      require('./dist/gateway/tracing.js');
      require('./dist/subgraphs/subjects/tracing.js');
      const names = Object.keys(require.cache).map((p) => p.match(/node_modules\\/(@opentelemetry\\/[^/]+)/)?.[1]).filter(Boolean);
      process.stdout.write(JSON.stringify([...new Set(names)]));
      process.exit(0);`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return JSON.parse(output) as string[];
  }

  it('requires nothing of the SDK', () => {
    expect(loadedAfterTracingStart({})).toEqual([]);
    expect(loadedAfterTracingStart({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toEqual([]);
  });

  it('whereas with the variable set the SDK is loaded (the check above can fail)', () => {
    expect(loadedAfterTracingStart({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-node']),
    );
  });
});

describe('traces: a collector that never answers', () => {
  it('holds the flush at stop for at most about 2 s', async () => {
    // Accepts the connection and never answers: the worst collector for a stopping process.
    const sockets: import('node:net').Socket[] = [];
    const hanging = createServer((req) => sockets.push(req.socket));
    await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const script = `
      const { startTracing, stopTracing } = require('./dist/shared/tracing/start-tracing.js');
      startTracing('probe');
      const tracer = require('@opentelemetry/api').trace.getTracer('probe');
      for (let i = 0; i < 10; i++) tracer.startSpan('work').end();
      const started = Date.now();
      stopTracing().then(() => { process.stdout.write(String(Date.now() - started)); process.exit(0); });`;
    try {
      const output = await new Promise<string>((done, fail) =>
        execFile(
          process.execPath,
          ['-e', script],
          { cwd: ROOT, env: { PATH: process.env.PATH, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, timeout: 30_000 },
          (error, stdout) => (error ? fail(error) : done(stdout)),
        ),
      );
      expect(sockets.length).toBeGreaterThan(0); // the export was tried
      expect(Number(output)).toBeGreaterThanOrEqual(1_900);
      expect(Number(output)).toBeLessThan(3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => hanging.close(done));
    }
  });
});
