import { createServer, Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFreshDatabase } from '../../../scripts/fresh-database';
import { RunningSystem, startSystem } from '../../../scripts/system';
import { generateInternalKeyPair } from '../../../shared/auth/internal-token';

/**
 * A port handed to a process before it binds it is not reserved: a cold start
 * migrates and seeds for seconds to minutes first, and whatever binds that port
 * meanwhile made the process exit 1 with EADDRINUSE ("commitments exited with
 * code 1 while starting"). Here every port free-port.ts picks is taken at once
 * by a listener of this test — the race, forced. The system must start anyway:
 * on port 0 each process binds its own port and reports it.
 */
const thieves: Server[] = [];

jest.mock('../../../scripts/free-port', () => {
  const actual = jest.requireActual<typeof import('../../../scripts/free-port')>('../../../scripts/free-port');
  return {
    freePort: async (): Promise<number> => {
      const port = await actual.freePort();
      // It answers nothing: a connection to it is closed at once (and never holds up close()).
      const thief = createServer((socket) => socket.destroy());
      await new Promise<void>((done) => thief.listen(port, '127.0.0.1', done));
      thieves.push(thief);
      return port;
    },
  };
});

describe('start-up on free ports', () => {
  let system: RunningSystem | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await system?.stop();
    await dropDatabase?.();
    await Promise.all(thieves.map((thief) => new Promise((done) => thief.close(done))));
  }, 60_000);

  it('starts although every port picked ahead of a process would be taken before it binds', async () => {
    const database = process.env.GUSU_DATABASE === 'postgresql' ? await createFreshDatabase(process.env.DATABASE_URL ?? '', 'gusu_port_race') : undefined;
    dropDatabase = database?.drop;
    system = await startSystem({
      jwtSecret: process.env.GUSU_JWT_SECRET,
      internalKeys: generateInternalKeyPair(),
      databaseUrl: database?.url,
      ports: { gateway: 0, subjects: 0, sanctions: 0, commitments: 0, repairs: 0 },
      demoData: false,
      env: { LOG_LEVEL: 'warn', AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY_FILE: '' },
      output: { logDir: mkdtempSync(join(tmpdir(), 'gusu-port-race-')) },
      distDir: join(resolve(__dirname, '../../..'), 'dist'),
    });
    const taken = new Set(thieves.map((thief) => (thief.address() as { port: number }).port));
    for (const port of Object.values(system.ports)) {
      expect(port).toBeGreaterThan(0);
      expect(taken.has(port)).toBe(false);
    }
    const health = await fetch(`${system.gatewayUrl}/health`);
    expect(health.status).toBe(200);
  }, 180_000);
});
