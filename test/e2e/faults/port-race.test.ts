import { createServer, Server } from 'node:net';
import { generateInternalKeyPair } from '../../../shared/auth/internal-token';
import { OwnSystem, startOwnSystem } from '../../support/own-system';

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
  let own: OwnSystem | undefined;

  afterAll(async () => {
    await own?.stop();
    await Promise.all(thieves.map((thief) => new Promise((done) => thief.close(done))));
  }, 60_000);

  it('starts although every port picked ahead of a process would be taken before it binds', async () => {
    // The development identity provider too: every process the system can start binds its own port.
    own = await startOwnSystem('port-race', {
      internalKeys: generateInternalKeyPair(),
      demoData: false,
      devIdentity: true,
    });
    const { system } = own;
    const taken = new Set(thieves.map((thief) => (thief.address() as { port: number }).port));
    for (const port of Object.values(system.ports)) {
      expect(port).toBeGreaterThan(0);
      expect(taken.has(port)).toBe(false);
    }
    const health = await fetch(`${system.gatewayUrl}/health`);
    expect(health.status).toBe(200);
  }, 180_000);
});
