import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import pino from 'pino';
import { ForwardingDataSource, unavailableErrors } from '../../gateway/auth/forwarding-data-source';
import { InternalTokenSigner } from '../../gateway/auth/token-signer';
import type { GatewayContext } from '../../gateway/guarded-gateway';
import { SubgraphFetcher } from '../../gateway/transport/subgraph-fetcher';
import { freePort } from '../../scripts/free-port';
import { generateInternalKeyPair, internalPrivateKey } from '../../shared/auth/internal-token';

/** A stand-in subgraph whose HTTP status is set per test. */
let server: Server;
let base: string;
let status = 200;
const fetcher = new SubgraphFetcher();
const signer = new InternalTokenSigner(internalPrivateKey(generateInternalKeyPair().privateKey));
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'nope' }] }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await fetcher.close();
  await new Promise<void>((done) => server.close(() => done()));
});

const ENTITIES =
  'query($representations:[_Any!]!){_entities(representations:$representations){__typename ...on Subject{commitments{id} n: repairCases{id}} ...on Department{name}}}';
const representations = [
  { __typename: 'Subject', id: 's1' },
  { __typename: 'Department', code: 'd' },
  { __typename: 'Subject', id: 's2' },
];

function options(
  query: string,
  variables: Record<string, unknown> = {},
): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: 'incoming operation',
    request: { query, variables },
    document: parse(query),
    incomingRequestContext: {},
    context: {},
    pathInIncomingRequest: { key: 'subject', prev: undefined },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('a subgraph that cannot answer', () => {
  it('names each section an entity fetch would have filled, per representation and type', () => {
    const errors = unavailableErrors(parse(ENTITIES), { representations }, 'commitments');
    expect(errors.map((e) => e.path)).toEqual([
      ['_entities', 0, 'commitments'],
      ['_entities', 0, 'n'],
      ['_entities', 1, 'name'],
      ['_entities', 2, 'commitments'],
      ['_entities', 2, 'n'],
    ]);
    expect(
      errors.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.subgraph === 'commitments'),
    ).toBe(true);
  });

  it('names each root field of a root fetch', () => {
    expect(
      unavailableErrors(parse('query { screen(usccs: ["x"]) { verdict } m: measures { code } }'), {}, 'sanctions').map(
        (e) => e.path,
      ),
    ).toEqual([['screen'], ['m']]);
  });

  it('refused connection: no data, one error per section, no address', async () => {
    const source = new ForwardingDataSource(
      `http://127.0.0.1:${await freePort()}/graphql`,
      'commitments',
      signer,
      fetcher,
      logger,
    );
    const answer = await source.process(options(ENTITIES, { representations }));
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(5);
    expect(JSON.stringify(answer)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\bat /);
  });

  it.each([502, 503, 504])('HTTP %i from behind the address: the same as unreachable', async (code) => {
    status = code;
    const source = new ForwardingDataSource(`${base}/graphql`, 'sanctions', signer, fetcher, logger);
    const answer = await source.process(options('{ screen { verdict } }'));
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['screen'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'sanctions' },
      }),
    ]);
  });

  it('any other refusal still fails the fetch, without the subgraph’s URL', async () => {
    status = 401;
    const source = new ForwardingDataSource(`${base}/graphql`, 'sanctions', signer, fetcher, logger);
    const failure = await source.process(options('{ screen { verdict } }')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify((failure as GraphQLError).extensions)).not.toContain(base);
    expect((failure as GraphQLError).extensions.response).toEqual(expect.objectContaining({ status: 401 }));
  });
});
