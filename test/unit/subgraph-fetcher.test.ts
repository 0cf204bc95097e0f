import { generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InternalTokenSigner } from '../../gateway/auth/token-signer';
import { OPERATION_TYPE_HEADER, SubgraphFetcher } from '../../gateway/transport/subgraph-fetcher';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from '../../shared/auth/internal-token';
import type { Principal } from '../../shared/auth/principal';

/** A stand-in subgraph that answers after a while and counts what reaches it. */
let server: Server;
let url: string;
const received: { body: string; token: string | undefined; operationType: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({
        body,
        token: req.headers[INTERNAL_TOKEN_HEADER] as string | undefined,
        operationType: req.headers[OPERATION_TYPE_HEADER] as string | undefined,
      });
      setTimeout(() => {
        res.writeHead(body.includes('fail') ? 500 : 200, {
          'content-type': 'application/json',
          'x-answer': String(received.length),
        });
        res.end(JSON.stringify({ data: { n: received.length } }));
      }, 50);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => (received.length = 0));

/** As the data source sends it: the operation type from the planned operation, beside the body. */
const post = (
  fetcher: SubgraphFetcher,
  query: string,
  token = 't1',
  operationType: string | null = query.startsWith('mutation') ? 'mutation' : 'query',
) =>
  fetcher.fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INTERNAL_TOKEN_HEADER]: token,
      ...(operationType ? { [OPERATION_TYPE_HEADER]: operationType } : {}),
    },
    body: JSON.stringify({ query }),
  });

describe('subgraph fetcher', () => {
  it('sends identical queries of one principal in flight together once, and each caller parses its own answer', async () => {
    const fetcher = new SubgraphFetcher();
    const answers = await Promise.all([
      post(fetcher, 'query A { a }'),
      post(fetcher, 'query A { a }'),
      post(fetcher, 'query A { a }'),
    ]);
    expect(received).toHaveLength(1);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { data: { n: number } }[];
    expect(bodies.map((b) => b.data.n)).toEqual([1, 1, 1]);
    bodies[0].data.n = 99;
    expect(bodies[1].data.n).toBe(1);
    expect(answers[0].headers.get('x-answer')).toBe('1');
    await fetcher.close();
  });

  it('sends again once the first answer is in: nothing is cached', async () => {
    const fetcher = new SubgraphFetcher();
    await post(fetcher, 'query A { a }');
    await post(fetcher, 'query A { a }');
    expect(received).toHaveLength(2);
    await fetcher.close();
  });

  it('never shares between principals (tokens) or for mutations', async () => {
    const fetcher = new SubgraphFetcher();
    await Promise.all([post(fetcher, 'query A { a }', 't1'), post(fetcher, 'query A { a }', 't2')]);
    expect(received.map((r) => r.token).sort()).toEqual(['t1', 't2']);
    received.length = 0;
    await Promise.all([post(fetcher, 'mutation M { m }'), post(fetcher, 'mutation M { m }')]);
    expect(received).toHaveLength(2);
    await fetcher.close();
  });

  it('decides from the operation type, not the body: a query written any way is shared, a request of no stated type is not, and the type stays here', async () => {
    const fetcher = new SubgraphFetcher();
    await Promise.all([post(fetcher, '  # a comment\n query A { a }'), post(fetcher, '  # a comment\n query A { a }')]);
    expect(received).toEqual([expect.objectContaining({ operationType: undefined })]);
    received.length = 0;
    await Promise.all([post(fetcher, 'query A { a }', 't1', null), post(fetcher, 'query A { a }', 't1', null)]);
    expect(received).toHaveLength(2);
    await fetcher.close();
  });

  it('hands a non-2xx answer to the data source as it came', async () => {
    const fetcher = new SubgraphFetcher();
    const answer = await post(fetcher, 'query fail { a }');
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(500);
    await fetcher.close();
  });
});

describe('internal token signer', () => {
  const key = generateKeyPairSync('ed25519').privateKey;
  const principal: Principal = {
    sub: 'u1',
    name: '窗口',
    org: 'gusu.xzspj',
    roles: ['hall'],
    scopes: ['credit:read'],
    authenticated: true,
  };

  it('reuses a token for one principal and subgraph, and signs apart for another subgraph or principal', async () => {
    const signer = new InternalTokenSigner(key);
    const first = await signer.sign(principal, 'subjects');
    expect(await signer.sign({ ...principal }, 'subjects')).toBe(first);
    expect(await signer.sign(principal, 'sanctions')).not.toBe(first);
    expect(await signer.sign({ ...principal, scopes: [] }, 'subjects')).not.toBe(first);
    expect(await verifyInternalToken(first, 'subjects', key)).toEqual(principal);
  });

  it('signs anew after 30 s, well inside the token life of 60 s', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const signer = new InternalTokenSigner(key);
      const first = await signer.sign(principal, 'subjects');
      jest.advanceTimersByTime(29_000);
      expect(await signer.sign(principal, 'subjects')).toBe(first);
      jest.advanceTimersByTime(2_000);
      expect(await signer.sign(principal, 'subjects')).not.toBe(first);
    } finally {
      jest.useRealTimers();
    }
  });
});
