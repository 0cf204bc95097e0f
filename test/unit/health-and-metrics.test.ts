import type { AddressInfo } from 'node:net';
import express from 'express';
import { CLIENT_CODES } from '../../shared/graphql/format-error';
import { ShutdownSignal } from '../../shared/http/graceful-stop';
import { healthRoutes } from '../../shared/http/health-routes';
import { cachedReadiness, Readiness, within } from '../../shared/http/readiness';
import { requestOutcome } from '../../shared/metrics/graphql-requests';
import { OperationNames } from '../../shared/metrics/operation-names';

describe('readiness', () => {
  it('runs the check at most once per second, however many probes arrive, and shares one in flight', async () => {
    let clock = 0;
    let runs = 0;
    const ready = cachedReadiness(
      async () => {
        runs += 1;
        return { ready: true, checks: { database: 'ok' } };
      },
      1000,
      () => clock,
    );
    await Promise.all(Array.from({ length: 50 }, () => ready()));
    expect(runs).toBe(1);
    clock = 999;
    await ready();
    expect(runs).toBe(1);
    clock = 2000;
    await ready();
    expect(runs).toBe(2);
  });

  it('a check that throws is not ready', async () => {
    const ready = cachedReadiness(async () => {
      throw new Error('connection refused');
    });
    expect(await ready()).toEqual({ ready: false, checks: { check: 'failed' } });
  });

  it('gives up on work that does not answer in time', async () => {
    await expect(within(20, new Promise(() => {}))).rejects.toThrow('no answer within 20 ms');
    expect(await within(1000, Promise.resolve(7))).toBe(7);
  });
});

describe('health routes', () => {
  async function serve(ready: () => Promise<Readiness>, shutdown: ShutdownSignal) {
    const app = express();
    app.use(healthRoutes(ready, shutdown));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { get, close: () => new Promise((done) => server.close(done)) };
  }

  it('live asks nothing; ready and its /health alias answer the check; both answer 503 once stopping', async () => {
    let database = 'ok';
    let asked = 0;
    const shutdown = new ShutdownSignal();
    const { get, close } = await serve(async () => {
      asked += 1;
      return { ready: database === 'ok', checks: { database } };
    }, shutdown);
    try {
      expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'live' } });
      expect(asked).toBe(0);
      expect(await get('/health/ready')).toEqual({
        status: 200,
        body: { status: 'ready', checks: { database: 'ok' } },
      });
      database = 'unavailable';
      expect(await get('/health')).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { database: 'unavailable' } },
      });
      expect(await get('/health/live')).toMatchObject({ status: 200 });
      shutdown.begin();
      database = 'ok';
      const before = asked;
      expect(await get('/health/ready')).toEqual({ status: 503, body: { status: 'stopping' } });
      expect(await get('/health/live')).toEqual({ status: 503, body: { status: 'stopping' } });
      expect(asked).toBe(before);
    } finally {
      await close();
    }
  });
});

describe('the operation label', () => {
  it('keeps the first names, then says "other"; unnamed is "anonymous"; long names are cut', () => {
    const names = new OperationNames(3);
    expect(['A', 'B', null, undefined, '', 'C', 'D', 'A', 'E'].map((n) => names.label(n))).toEqual([
      'A',
      'B',
      'anonymous',
      'anonymous',
      'anonymous',
      'C',
      'other',
      'A',
      'other',
    ]);
    expect(new OperationNames().label('x'.repeat(500))).toHaveLength(100);
  });
});

describe('the outcome label', () => {
  const error = (code: string, path?: string[]) => ({ message: code, path, extensions: { code } });
  it.each([
    [[], { a: 1 }, 'ok'],
    [[error('SUBGRAPH_UNAVAILABLE', ['b'])], { a: 1, b: null }, 'partial'],
    [[error('SUBGRAPH_UNAVAILABLE', ['a'])], { a: null }, 'unavailable'],
    [[error('GRAPHQL_VALIDATION_FAILED')], undefined, 'client_error'],
    [[error('SOMETHING_A_SUBGRAPH_INVENTED')], null, 'internal_error'],
  ])('%j with data %j is %s', (errors, data, outcome) => {
    expect(requestOutcome(errors, data, CLIENT_CODES)).toBe(outcome);
  });
});
