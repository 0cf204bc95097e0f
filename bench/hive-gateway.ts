/**
 * Hive Gateway (@graphql-hive/gateway-runtime) on our supergraph.graphql, for
 * `npm run bench` only: the peer our gateway is measured against. It enforces
 * none of our rules; so that the subgraphs answer it at all, each subgraph
 * request carries the internal principal token they expect, signed for that
 * subgraph from the principal the benchmark sends in `x-bench-principal`
 * (with the gateway's own signer: one token per principal and subgraph for 30 s).
 *
 * Environment: PORT, SUPERGRAPH_FILE, INTERNAL_PRIVATE_KEY, <SUBGRAPH>_URL.
 */
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { InternalTokenSigner } from '../gateway/auth/token-signer';
import { INTERNAL_TOKEN_HEADER, internalPrivateKey } from '../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL, type Principal } from '../shared/auth/principal';
import { requireEnv } from '../shared/config/env';
import { SUBGRAPH_NAMES, urlVariable } from '../shared/config/services';
import { BENCH_PRINCIPAL_HEADER } from './support/bench-principal';

const key = internalPrivateKey(requireEnv('INTERNAL_PRIVATE_KEY'));
const subgraphOf = new Map(SUBGRAPH_NAMES.map((name) => [requireEnv(urlVariable(name)), name]));
const signer = new InternalTokenSigner(key);

const principalHeader: GatewayPlugin = {
  async onFetch({ url, options, setOptions, context }) {
    const audience = subgraphOf.get(url);
    if (!audience) return;
    const request = (context as { request?: Request } | undefined)?.request;
    const principal = request?.headers.get(BENCH_PRINCIPAL_HEADER);
    const token = await signer.sign(principal ? (JSON.parse(principal) as Principal) : PUBLIC_PRINCIPAL, audience);
    setOptions({
      ...options,
      headers: { ...(options.headers as Record<string, string>), [INTERNAL_TOKEN_HEADER]: token },
    });
  },
};

const runtime = createGatewayRuntime({
  supergraph: requireEnv('SUPERGRAPH_FILE'),
  transportEntries: Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, { location: requireEnv(urlVariable(name)) }]),
  ),
  plugins: () => [principalHeader],
  logging: 'error',
  graphiql: false,
  landingPage: false,
});

// The runtime answers its own failures; its promise only says when it has.
const server = createServer((request, response) => void runtime(request, response));
server.listen(Number(requireEnv('PORT')), '127.0.0.1');
// The runtime's own SIGTERM handling waits for its disposal and never exits the process.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
