import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { buildSchema } from 'graphql';
import pino from 'pino';
import { ormOptions } from '../../shared/db/orm';
import { createSubgraphApp } from '../../shared/http/subgraph-app';
import { database } from '../../subgraphs/commitments/server';

/** A subgraph whose database cannot be reached: live, not ready, and the probe answers within its 1 s bound. */
describe('subgraph readiness without its database', () => {
  it('answers /health/live 200 and /health/ready 503 (database unavailable) within about a second', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused.
    const orm = await MikroORM.init({
      ...ormOptions(database, 'postgres://nobody@127.0.0.1:1/nothing'),
      connect: false,
      pool: { min: 0, max: 1, acquireTimeoutMillis: 5000 },
    });
    const { app, apollo } = await createSubgraphApp({
      name: 'commitments',
      schema: buildSchema('type Query { ping: Int }'),
      orm,
      logger: pino({ level: 'silent' }),
      internalKey: generateKeyPairSync('ed25519').publicKey,
      createLoaders: () => ({}),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      const started = Date.now();
      const ready = await fetch(`${base}/health/ready`);
      expect([ready.status, await ready.json()]).toEqual([
        503,
        { status: 'not ready', checks: { database: 'unavailable' } },
      ]);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      server.close();
      await apollo.stop();
      await orm.close();
    }
  });
});
