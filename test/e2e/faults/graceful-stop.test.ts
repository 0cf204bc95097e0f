import { spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateHeader } from '../../../ingest/files/columns';
import type { RunningSystem } from '../../../scripts/system';
import { generateInternalKeyPair, INTERNAL_TOKEN_HEADER, signInternalToken } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { completeUscc } from '../../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../../shared/reporting/fields';
import { chinaToday } from '../../support/dates';
import { OwnSystem, startOwnSystem } from '../../support/own-system';
import { DIST, ROOT } from '../../support/paths';
import { tokenFor } from '../../support/tokens';

/**
 * SIGTERM under load, on a system of this test's own (the shared one keeps running for the other files).
 * An upload cut by the signal is the ingest process's (it applies the file; the gateway only forwards it):
 * it is the one signalled mid-upload. Then the gateway and a subgraph: 32 connections send cheap queries; the
 * signal arrives while requests are in flight; none of those may be cut (a reset, a 5xx or an answer with errors)
 * and the process exits 0. Each worker stops sending once the signal is sent, as a load balancer stops routing
 * to a stopping instance.
 */
const CONNECTIONS = 32;
const LOAD_MS = 2_000;
const HALL_PROFILE = readFileSync(join(__dirname, '..', '..', 'operations', 'hall-profile.graphql'), 'utf8');
const USCC = '9144030071526726XG';

interface IngestAnswer {
  counts: { received: number; batches: number };
  error: { code: string; rowsApplied: number; lastRowApplied: number | null } | null;
}

/** Penalty rows of gusu.scjgj (the uploading department is its own authority), as CSV lines. */
function penaltyLine(n: number, authority: { name: string; uscc: string }): string {
  const today = chinaToday();
  const row: Record<string, string | number> = {
    partyName: '苏州测试停机有限公司',
    partyClass: '法人及非法人组织',
    uscc: completeUscc(`91320508MA${String(n).padStart(7, '0')}`),
    legalRepresentative: '王五',
    decisionNo: `姑停〔2026〕${Date.now().toString(36)}-${n}号`,
    violationType: '虚假宣传',
    facts: '当事人在其网店发布虚假宣传内容。',
    legalBasis: '《中华人民共和国反不正当竞争法》第二十条',
    categories: '警告',
    content: '警告',
    fineAmount: 0,
    decidedAt: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
  return REPORT_FIELDS.penalties.map((f) => String(row[f.field] ?? '')).join(',');
}

/** An upload that keeps sending 50 rows every 100 ms until `end` is called: still in progress at the signal. */
function slowUpload(authority: { name: string; uscc: string }): {
  body: ReadableStream<Uint8Array>;
  end(): void;
  rowsSent(): number;
} {
  const encoder = new TextEncoder();
  let next = 2;
  let ended = false;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) =>
      controller.enqueue(encoder.encode(`${REPORT_FIELDS.penalties.map(templateHeader).join(',')}\r\n`)),
    pull: async (controller) => {
      if (ended) return controller.close();
      await new Promise((done) => setTimeout(done, 100));
      const lines = Array.from({ length: 50 }, () => penaltyLine(next++, authority));
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
  return { body, end: () => (ended = true), rowsSent: () => next - 2 };
}

interface LoadResult {
  sent: number;
  ok: number;
  cut: string[];
  inFlightAtSignal: number;
}

/** `CONNECTIONS` workers send `request` back to back; after `LOAD_MS` `signal` is called and they stop sending. */
async function underLoad(request: (worker: number) => Promise<Response>, signal: () => void): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, ok: 0, cut: [], inFlightAtSignal: 0 };
  let signalled = false;
  let inFlight = 0;
  const worker = async (n: number): Promise<void> => {
    while (!signalled) {
      result.sent += 1;
      inFlight += 1;
      try {
        const response = await request(n);
        const body = await response.text();
        // An answer with errors was not served either (e.g. the audit log closed under a request: 503 or errors).
        if (response.status !== 200 || (JSON.parse(body) as { errors?: unknown }).errors)
          result.cut.push(`HTTP ${response.status} ${body.slice(0, 120)}`);
        else result.ok += 1;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        result.cut.push(`${(error as Error).message} ${cause?.code ?? ''}`);
      } finally {
        inFlight -= 1;
      }
    }
  };
  const workers = Array.from({ length: CONNECTIONS }, (_, n) => worker(n));
  await new Promise((done) => setTimeout(done, LOAD_MS));
  result.inFlightAtSignal = inFlight;
  signalled = true;
  signal();
  await Promise.all(workers);
  return result;
}

describe('graceful stop (SIGTERM under load)', () => {
  let own: OwnSystem | undefined;
  let system: RunningSystem;
  const keys = generateInternalKeyPair();
  const exits = new Map<string, (code: number | null) => void>();
  const exited = (service: string) => new Promise<number | null>((done) => exits.set(service, done));

  beforeAll(async () => {
    own = await startOwnSystem('graceful', {
      internalKeys: keys,
      env: { LOG_LEVEL: 'info', INGEST_BATCH_ROWS: '50' },
      onUnexpectedExit: (service, code) => exits.get(service)?.(code),
    });
    system = own.system;
  }, 180_000);

  afterAll(async () => {
    await own?.stop();
  }, 60_000);

  // First: the upload goes through the gateway, which the next test stops.
  it('the ingest process, signalled during an upload, finishes the batches in flight, ends the answer with SHUTTING_DOWN and exits 0', async () => {
    const departments = (await (
      await fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ departments { code name uscc } }' }),
      })
    ).json()) as {
      data: { departments: { code: string; name: string; uscc: string }[] };
    };
    const authority = departments.data.departments.find((d) => d.code === 'gusu.scjgj')!;
    const upload = slowUpload(authority);
    // Through the gateway, as a client sends it: the gateway forwards it to the ingest process, which posts the batches back.
    const uploading = await fetch(`${system.gatewayUrl}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('department')}`, 'content-type': 'text/csv' },
      body: upload.body,
      duplex: 'half',
    } as RequestInit);
    // The answer has started (its first batch is applied) before the signal.
    expect(uploading.status).toBe(200);
    const exit = exited('ingest');
    const signalledAt = Date.now();
    expect(system.signal('ingest', 'SIGTERM')).toBe(true);
    const answerText = await uploading.text();
    upload.end();
    const code = await exit;
    const stopMs = Date.now() - signalledAt;
    const answer = JSON.parse(answerText) as IngestAnswer;
    process.stdout.write(
      `upload: ${JSON.stringify({ rowsSent: upload.rowsSent(), counts: answer.counts, error: answer.error, exitCode: code, stopMs })}\n`,
    );
    expect(answer.error).toMatchObject({ code: 'SHUTTING_DOWN', rowsApplied: answer.counts.received });
    expect(answer.counts.batches).toBeGreaterThan(0);
    // Whole batches of 50 from row 2: the applied prefix ends on a batch boundary, before what was sent last.
    expect(answer.error?.lastRowApplied).toBe(answer.counts.received + 1);
    expect(answer.counts.received % 50).toBe(0);
    expect(upload.rowsSent()).toBeGreaterThan(answer.counts.received);
    expect(code).toBe(0);
    expect(stopMs).toBeLessThan(10_000);
  }, 60_000);

  it('the gateway finishes every request in flight and exits 0', async () => {
    const hall = `Bearer ${await tokenFor('hall')}`;
    const post = (body: object, authorization?: string) =>
      fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    const exit = exited('gateway');
    const started = Date.now();
    let signalledAt = 0;
    const load = await underLoad(
      (n) =>
        n % 2 === 0
          ? post({ query: '{ departments { code } }' })
          : post({ query: HALL_PROFILE, variables: { uscc: USCC, scenario: 'BIDDING' } }, hall),
      () => {
        signalledAt = Date.now();
        expect(system.signal('gateway', 'SIGTERM')).toBe(true);
      },
    );
    const code = await exit;
    const stopMs = Date.now() - signalledAt;
    process.stdout.write(
      `gateway: ${JSON.stringify({ ...load, cut: load.cut.length, cutSamples: load.cut.slice(0, 3), exitCode: code, loadMs: signalledAt - started, stopMs })}\n`,
    );
    expect(load.inFlightAtSignal).toBeGreaterThan(0);
    expect(load.cut).toEqual([]);
    expect(code).toBe(0);
    // Idle keep-alive sockets were closed, not waited for (65 s keep-alive; the grace period is 20 s).
    expect(stopMs).toBeLessThan(10_000);
  }, 60_000);

  it('a subgraph finishes every request in flight and exits 0', async () => {
    const principal: Principal = {
      sub: 'test-graceful',
      name: 'x',
      org: 'gusu.xyb',
      roles: ['credit_office'],
      scopes: ['credit:public', 'credit:read'],
      authenticated: true,
    };
    const token = await signInternalToken(principal, 'subjects', createPrivateKey(keys.privateKey));
    const post = (query: string) =>
      fetch(`http://127.0.0.1:${system.ports.subjects}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body: JSON.stringify({ query, variables: { uscc: USCC } }),
      });
    const exit = exited('subjects');
    let signalledAt = 0;
    const load = await underLoad(
      (n) =>
        post(
          n % 2 === 0 ? '{ departments { code } }' : 'query ($uscc: String!) { subject(uscc: $uscc) { uscc name } }',
        ),
      () => {
        signalledAt = Date.now();
        expect(system.signal('subjects', 'SIGTERM')).toBe(true);
      },
    );
    const code = await exit;
    process.stdout.write(
      `subjects: ${JSON.stringify({ ...load, cut: load.cut.length, cutSamples: load.cut.slice(0, 3), exitCode: code, stopMs: Date.now() - signalledAt })}\n`,
    );
    expect(load.inFlightAtSignal).toBeGreaterThan(0);
    expect(load.cut).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);
});

/** The grace period itself, on a bare HTTP server in a child process with the compiled stop (npm test builds first). */
describe('graceful stop: the grace period', () => {
  const SERVER = `
    const { createServer } = require('node:http');
    const { ShutdownSignal, stopGracefullyOnSignal } = require(${JSON.stringify(join(DIST, 'shared/http/graceful-stop.js'))});
    const server = createServer((req, res) => setTimeout(() => res.end('done'), req.url === '/slow' ? 10000 : 300));
    server.keepAliveTimeout = 65000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
    stopGracefullyOnSignal({ server, signal: new ShutdownSignal(), graceMs: 1500, logger: require('pino')({ level: 'silent' }), release: async () => {} });
  `;

  it('answers what fits in the grace period with connection: close, cuts what does not at its end, and exits 0', async () => {
    const child = spawn(process.execPath, ['-e', SERVER], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((done) =>
      child.stdout.once('data', (chunk: Buffer) => done(Number(chunk.toString().trim()))),
    );
    const exit = new Promise<number | null>((done) => child.once('exit', done));
    const base = `http://127.0.0.1:${port}`;
    // An idle keep-alive connection must not hold the stop up for its 65 s.
    expect((await fetch(`${base}/fast`)).status).toBe(200);
    const slow = fetch(`${base}/slow`)
      .then((r) => r.text())
      .then(
        (text) => `answered ${text}`,
        (error: Error) => `cut ${error.message}`,
      );
    const fast = fetch(`${base}/fast`);
    await new Promise((done) => setTimeout(done, 50));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const answer = await fast;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await slow).toMatch(/^cut /);
    expect(await exit).toBe(0);
    const stopMs = Date.now() - signalledAt;
    process.stdout.write(`grace: ${JSON.stringify({ graceMs: 1500, stopMs })}\n`);
    expect(stopMs).toBeGreaterThanOrEqual(1400);
    expect(stopMs).toBeLessThan(5000);
  }, 30_000);
});
