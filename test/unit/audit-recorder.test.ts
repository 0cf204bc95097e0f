import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuditRecorder } from '../../gateway/audit/recorder';
import { InternalTokenSigner } from '../../gateway/auth/token-signer';
import { SubgraphFetcher } from '../../gateway/transport/subgraph-fetcher';
import type { Principal } from '../../shared/auth/principal';
import { AuditClass } from '../../shared/domain/vocabulary';

/** A stand-in for the subjects subgraph's audit log: stores batches, refuses any call that holds a 'poison' request. */
interface Batch {
  requestId: string;
  reads: { fieldsClass: unknown[] };
}
let server: Server;
let url: string;
const calls: Batch[][] = [];
const stored: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { batches } = (JSON.parse(body) as { variables: { batches: Batch[] } }).variables;
      calls.push(batches);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (batches.some((b) => b.requestId === 'poison'))
          return res.end(JSON.stringify({ errors: [{ message: 'bad subject id' }], data: null }));
        stored.push(...batches.map((b) => b.requestId));
        res.end(
          JSON.stringify({
            data: { recordAuditEvents: batches.reduce((sum, b) => sum + b.reads.fieldsClass.length, 0) },
          }),
        );
      }, 20);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  calls.length = 0;
  stored.length = 0;
});

const principal: Principal = {
  sub: 'hall-1',
  name: '窗口',
  org: 'gusu.xzspj',
  roles: ['hall'],
  scopes: [],
  authenticated: true,
};
const read = { fieldsClass: AuditClass.PROFILE, subjectId: '1', uscc: null, reference: null };

describe('audit recorder', () => {
  it('writes the requests that arrive while writes are in flight together, and answers each once its rows are stored', async () => {
    const fetcher = new SubgraphFetcher();
    const record = createAuditRecorder(
      () => url,
      new InternalTokenSigner(generateKeyPairSync('ed25519').privateKey),
      fetcher,
    );
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
    await Promise.all(
      ids.map((requestId) =>
        record([read, read], { principal, requestId, purpose: null, operationName: 'HallProfile' }),
      ),
    );
    expect([...stored].sort()).toEqual([...ids].sort());
    // Two go out at once, the ten arriving meanwhile in one more.
    expect(calls.map((c) => c.length)).toEqual([1, 1, 10]);
    await fetcher.close();
  });

  it('fails only the request whose batch the log refuses, when it was grouped with others', async () => {
    const fetcher = new SubgraphFetcher();
    const record = createAuditRecorder(
      () => url,
      new InternalTokenSigner(generateKeyPairSync('ed25519').privateKey),
      fetcher,
    );
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'poison', 'd'].map((requestId) =>
        record([read], { principal, requestId, purpose: null, operationName: null }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect([...stored].sort()).toEqual(['a', 'b', 'c', 'd']);
    await fetcher.close();
  });
});
