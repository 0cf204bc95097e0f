import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFreshDatabase } from '../../../scripts/fresh-database';
import { RunningSystem, startSystem } from '../../../scripts/system';
import { generateInternalKeyPair, INTERNAL_TOKEN_HEADER, signInternalToken } from '../../../shared/auth/internal-token';
import type { Principal } from '../../../shared/auth/principal';
import { tokenFor } from '../../support/tokens';

/**
 * SIGTERM under load, on a system of this test's own (the shared one keeps running for the other files):
 * 32 connections send cheap queries; the signal arrives while requests are in flight; none of those may be
 * cut (a reset, a 5xx or an answer with errors) and the process exits 0. Each worker stops sending once the signal is sent, as a
 * load balancer stops routing to a stopping instance.
 */
const CONNECTIONS = 32;
const LOAD_MS = 2_000;
const HALL_PROFILE = readFileSync(join(__dirname, '..', '..', 'operations', 'hall-profile.graphql'), 'utf8');
const USCC = '9144030071526726XG';

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
        if (response.status !== 200 || (JSON.parse(body) as { errors?: unknown }).errors) result.cut.push(`HTTP ${response.status} ${body.slice(0, 120)}`);
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
  let system: RunningSystem;
  let dropDatabase: (() => Promise<void>) | undefined;
  const keys = generateInternalKeyPair();
  const exits = new Map<string, (code: number | null) => void>();
  const exited = (service: string) => new Promise<number | null>((done) => exits.set(service, done));

  beforeAll(async () => {
    const root = resolve(__dirname, '../../..');
    const database = process.env.GUSU_DATABASE === 'postgresql' ? await createFreshDatabase(process.env.DATABASE_URL ?? '', 'gusu_graceful') : undefined;
    dropDatabase = database?.drop;
    system = await startSystem({
      jwtSecret: process.env.GUSU_JWT_SECRET,
      internalKeys: keys,
      databaseUrl: database?.url,
      ports: { gateway: 0, subjects: 0, sanctions: 0, commitments: 0, repairs: 0 },
      demoData: true,
      env: { LOG_LEVEL: 'info', AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY_FILE: '' },
      output: { logDir: mkdtempSync(join(tmpdir(), 'gusu-graceful-')) },
      distDir: join(root, 'dist'),
      onUnexpectedExit: (service, code) => exits.get(service)?.(code),
    });
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await dropDatabase?.();
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
      (n) => (n % 2 === 0 ? post({ query: '{ departments { code } }' }) : post({ query: HALL_PROFILE, variables: { uscc: USCC, scenario: 'BIDDING' } }, hall)),
      () => {
        signalledAt = Date.now();
        expect(system.signal('gateway', 'SIGTERM')).toBe(true);
      },
    );
    const code = await exit;
    process.stdout.write(`gateway: ${JSON.stringify({ ...load, cut: load.cut.length, cutSamples: load.cut.slice(0, 3), exitCode: code, loadMs: signalledAt - started, stopMs: Date.now() - signalledAt })}\n`);
    expect(load.inFlightAtSignal).toBeGreaterThan(0);
    expect(load.cut).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it('a subgraph finishes every request in flight and exits 0', async () => {
    const principal: Principal = { sub: 'test-graceful', name: 'x', org: 'gusu.xyb', roles: ['credit_office'], scopes: ['credit:public', 'credit:read'], authenticated: true };
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
      (n) => post(n % 2 === 0 ? '{ departments { code } }' : 'query ($uscc: String!) { subject(uscc: $uscc) { uscc name } }'),
      () => {
        signalledAt = Date.now();
        expect(system.signal('subjects', 'SIGTERM')).toBe(true);
      },
    );
    const code = await exit;
    process.stdout.write(`subjects: ${JSON.stringify({ ...load, cut: load.cut.length, cutSamples: load.cut.slice(0, 3), exitCode: code, stopMs: Date.now() - signalledAt })}\n`);
    expect(load.inFlightAtSignal).toBeGreaterThan(0);
    expect(load.cut).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);
});
