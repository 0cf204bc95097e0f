/**
 * Hive Gateway (@graphql-hive/gateway-runtime) on our supergraph.graphql, for
 * `npm run bench` only: the peer our gateway is measured against, planning with
 * its own JavaScript query planner (HIVE_PLANNER=js, the default) or with Hive
 * Router's Rust one (HIVE_PLANNER=rust, @graphql-hive/router-runtime's native addon).
 *
 * The caller is the principal the benchmark sends in `x-bench-principal`. Hive's
 * generic auth enforces the supergraph's @requiresScopes (and @authenticated) on
 * its scopes, as ours does: a field the caller may not see is removed before
 * planning and answered null with an UNAUTHORIZED_FIELD_OR_TYPE error at its path.
 * Unlike ours it then answers HTTP 401, not 200; when it removes every root field
 * the Rust planner is handed an empty document and answers 500 (nothing is revealed
 * either way; the benchmark's operations ask only what their callers may see).
 * So that the subgraphs answer at all, each subgraph request carries the internal
 * principal token they expect, signed for that subgraph with the gateway's own
 * signer (one token per principal and subgraph for 30 s).
 *
 * What Hive still does not do and ours does (gateway/steps/, gateway/limits/,
 * gateway/server.ts): no audit log of protected reads or @audited reveals (nor
 * the 503 when it cannot be written); none of our limits (document length, tokens
 * and nesting; depth, aliases and @sizedBy cost; fragment expansion; input sizes;
 * a smaller body for the public); introspection open to the public; it verifies no
 * token (it trusts the header), so derives no submission channel or subject
 * identity; a type's @requiresScopes guards the type's fields, where ours guards
 * the fields returning it.
 *
 * Environment: PORT, SUPERGRAPH_FILE, INTERNAL_PRIVATE_KEY, <SUBGRAPH>_URL, HIVE_PLANNER.
 */
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler as rustPlanner } from '@graphql-hive/router-runtime';
import { InternalTokenSigner } from '../gateway/auth/token-signer';
import { INTERNAL_TOKEN_HEADER, internalPrivateKey } from '../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL, type Principal } from '../shared/auth/principal';
import { requireEnv } from '../shared/config/env';
import { SUBGRAPH_NAMES, urlVariable } from '../shared/config/services';
import { BENCH_PRINCIPAL_HEADER } from './support/bench-principal';

const planner = process.env.HIVE_PLANNER ?? 'js';
if (planner !== 'js' && planner !== 'rust') throw new Error(`HIVE_PLANNER must be js or rust, got ${planner}`);

const key = internalPrivateKey(requireEnv('INTERNAL_PRIVATE_KEY'));
const subgraphOf = new Map(SUBGRAPH_NAMES.map((name) => [requireEnv(urlVariable(name)), name]));
const signer = new InternalTokenSigner(key);

/** What generic auth puts in the context: the signed-in caller, null for the public (as @authenticated needs). */
interface AuthContext {
  currentUser?: Principal | null;
}

const principalHeader: GatewayPlugin = {
  async onFetch({ url, options, setOptions, context }) {
    const audience = subgraphOf.get(url);
    if (!audience) return;
    const principal = (context as AuthContext).currentUser ?? PUBLIC_PRINCIPAL;
    setOptions({
      ...options,
      headers: {
        ...(options.headers as Record<string, string>),
        [INTERNAL_TOKEN_HEADER]: await signer.sign(principal, audience),
      },
    });
  },
};

const runtime = createGatewayRuntime({
  supergraph: requireEnv('SUPERGRAPH_FILE'),
  transportEntries: Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, { location: requireEnv(urlVariable(name)) }]),
  ),
  ...(planner === 'rust' ? { unifiedGraphHandler: rustPlanner } : {}),
  genericAuth: {
    mode: 'protect-granular',
    // Apollo Router's semantics, as ours: remove and null what the caller may not see, answer the rest.
    rejectUnauthenticated: false,
    resolveUserFn: ({ request }) => {
      const header = request.headers.get(BENCH_PRINCIPAL_HEADER);
      const principal = header ? (JSON.parse(header) as Principal) : PUBLIC_PRINCIPAL;
      return principal.authenticated ? principal : null;
    },
    // Typed by the runtime as a record; null for the public (resolveUserFn).
    extractScopes: (user) => ((user as Principal | null) ?? PUBLIC_PRINCIPAL).scopes,
  },
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
