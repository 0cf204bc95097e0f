import type { RunningSystem } from '../../../scripts/system';
import { generateInternalKeyPair } from '../../../shared/auth/internal-token';
import { OwnSystem, startOwnSystem } from '../../support/own-system';

/**
 * Supervision as `npm start` runs it, on a system of this test's own (the shared one is never signalled):
 * a SIGKILLed subgraph is started again and answers /health/ready within seconds; one killed again and again
 * stops the whole system, and the give-up callback says which service and how often.
 */
const POLICY = { initialDelayMs: 500, maxDelayMs: 2_000, maxCrashes: 3, windowMs: 60_000 };

/** Polls until /health/ready answers 200, or fails after `timeoutMs`; returns how long it took. */
async function healthyWithin(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`);
}

async function refused(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
    () => false,
    () => true,
  );
}

describe('supervision under npm start', () => {
  let own: OwnSystem | undefined;
  let system: RunningSystem;
  const unexpected: string[] = [];
  let reportGiveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((done) => (reportGiveUp = done));

  beforeAll(async () => {
    own = await startOwnSystem('supervision', {
      internalKeys: generateInternalKeyPair(),
      onUnexpectedExit: (service, code) => unexpected.push(`${service}:${code}`),
      supervise: { policy: POLICY, onGiveUp: (reason) => reportGiveUp(reason) },
    });
    system = own.system;
  }, 180_000);

  afterAll(async () => {
    await own?.stop();
  }, 60_000);

  it('a SIGKILLed subgraph is back on /health/ready within a few seconds, and the gateway answers through it', async () => {
    const health = `http://127.0.0.1:${system.ports.sanctions}/health/ready`;
    expect(system.signal('sanctions', 'SIGKILL')).toBe(true);
    const downAt = Date.now();
    await new Promise((done) => setTimeout(done, 100));
    expect(await refused(health)).toBe(true);
    await healthyWithin(health, 15_000);
    const backAfterMs = Date.now() - downAt;
    process.stdout.write(
      `supervision: sanctions back on /health/ready ${backAfterMs} ms after SIGKILL (back-off ${POLICY.initialDelayMs} ms)\n`,
    );
    expect(backAfterMs).toBeGreaterThanOrEqual(POLICY.initialDelayMs);
    expect(backAfterMs).toBeLessThan(10_000);
    const gateway = await fetch(`${system.gatewayUrl}/health/ready`);
    expect(gateway.status).toBe(200);
    // Supervised: the crash was handled, not reported as a fault of the system.
    expect(unexpected).toEqual([]);
  }, 30_000);

  it('killed again and again within the window, it stops the whole system with the reason', async () => {
    const health = `http://127.0.0.1:${system.ports.commitments}/health/ready`;
    const started = Date.now();
    // The first kill above was of another service: commitments' own window starts here.
    for (let crash = 1; crash < POLICY.maxCrashes; crash++) {
      expect(system.signal('commitments', 'SIGKILL')).toBe(true);
      await new Promise((done) => setTimeout(done, 100));
      await healthyWithin(health, 20_000);
    }
    expect(system.signal('commitments', 'SIGKILL')).toBe(true);
    const reason = await gaveUp;
    process.stdout.write(
      `supervision: gave up ${Date.now() - started} ms after the first of ${POLICY.maxCrashes} kills: ${reason}\n`,
    );
    expect(reason).toMatch(/^commitments crashed 3 times within 60 s \(last: signal SIGKILL\); stopping the system$/);
    // Everything is down: the gateway and every subgraph refuse connections.
    expect(await refused(`${system.gatewayUrl}/health/ready`)).toBe(true);
    for (const service of ['subjects', 'sanctions', 'commitments', 'repairs'] as const) {
      expect(await refused(`http://127.0.0.1:${system.ports[service]}/health/ready`)).toBe(true);
    }
    expect(unexpected).toEqual([]);
  }, 90_000);
});
