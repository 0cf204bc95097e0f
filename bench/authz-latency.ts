/**
 * npm run bench:authz — the latency cost of access control on HallProfile.
 * Starts the system once (embedded database, demo data), then two gateways in
 * this process over the same subgraphs: the real one (limits, authorization,
 * audit) and a bare Apollo gateway that only forwards the principal. Sends
 * HallProfile as a hall terminal to each, alternating, and prints the medians.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { signDevToken } from '../gateway/auth/dev-token';
import { ForwardingDataSource, PLANNER_CONFIG } from '../gateway/auth/forwarding-data-source';
import { createAuthenticator } from '../gateway/auth/identity';
import { loadSupergraph } from '../gateway/auth/supergraph-rules';
import { InternalTokenSigner } from '../gateway/auth/token-signer';
import { loadConfig } from '../gateway/config';
import { createGateway } from '../gateway/server';
import { SubgraphFetcher } from '../gateway/transport/subgraph-fetcher';
import { randomKey } from '../scripts/dev-secrets';
import { createFreshDatabase } from '../scripts/fresh-database';
import { FREE_PORTS, startSystem } from '../scripts/system';
import { generateInternalKeyPair, internalPrivateKey } from '../shared/auth/internal-token';
import { SUBGRAPH_NAMES, urlVariable } from '../shared/config/services';
import { createLogger } from '../shared/logging/logger';
import { median, percentile } from './support/statistics';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARM_UP = 30;

async function listen(app: Express): Promise<{ url: string; server: Server }> {
  const server: Server = await new Promise((done) => {
    const listening = app.listen(0, '127.0.0.1', () => done(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** The same federation, without limits, authorization or audit. */
async function bareGateway(env: NodeJS.ProcessEnv): Promise<{ app: Express; apollo: ApolloServer }> {
  const signer = new InternalTokenSigner(internalPrivateKey(env.INTERNAL_PRIVATE_KEY ?? ''));
  const fetcher = new SubgraphFetcher();
  const { planningSdl } = loadSupergraph(readFileSync('supergraph.graphql', 'utf8'));
  const gateway = new ApolloGateway({
    supergraphSdl: planningSdl,
    queryPlannerConfig: PLANNER_CONFIG,
    logger: createLogger('bare-gateway'),
    buildService: ({ name, url }) =>
      new ForwardingDataSource(
        env[urlVariable(name as (typeof SUBGRAPH_NAMES)[number])] ?? url ?? '',
        name,
        signer,
        fetcher,
        createLogger('bare-gateway'),
      ),
  });
  const apollo = new ApolloServer({ gateway });
  await apollo.start();
  const authenticate = createAuthenticator({ keys: { devSecret: env.AUTH_JWT_SECRET ?? '' } });
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ principal: await authenticate(req.header('authorization')) }),
    }),
  );
  return { app, apollo };
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const jwtSecret = randomKey();
  const keys = generateInternalKeyPair();
  // On DATABASE_URL's server (in a fresh database) when set, else the embedded one.
  const database = process.env.DATABASE_URL
    ? await createFreshDatabase(process.env.DATABASE_URL, 'gusu_bench')
    : undefined;
  const system = await startSystem({
    databaseUrl: database?.url,
    jwtSecret,
    internalKeys: keys,
    ports: FREE_PORTS,
    env: { LOG_LEVEL: 'warn' },
    output: { logDir: resolve('.data') },
    distDir: resolve(__dirname, '..'),
  }).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  const env: NodeJS.ProcessEnv = {
    AUTH_JWT_SECRET: jwtSecret,
    INTERNAL_PRIVATE_KEY: keys.privateKey,
    GATEWAY_PORT: '0',
  };
  for (const name of SUBGRAPH_NAMES) env[urlVariable(name)] = `http://127.0.0.1:${system.ports[name]}/graphql`;
  const guarded = await createGateway(loadConfig(env), createLogger('bench-gateway'));
  const bare = await bareGateway(env);
  const [withControl, without] = await Promise.all([listen(guarded.app), listen(bare.app)]);

  const token = await signDevToken(jwtSecret, { sub: 'T-01', org: 'gusu.xzspj', roles: ['hall'], ttl: '1h' });
  const query = readFileSync(join('test', 'operations', 'hall-profile.graphql'), 'utf8');
  const list = (await (
    await fetch(withControl.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }' }),
    })
  ).json()) as { data: { publishedList: { nodes: { subject: { uscc: string } }[] } } };
  const body = JSON.stringify({
    query,
    variables: { uscc: list.data.publishedList.nodes[0].subject.uscc, scenario: 'BIDDING' },
  });
  const timeOne = async (url: string): Promise<number> => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const result = (await response.json()) as { errors?: unknown[] };
    if (result.errors) throw new Error(`HallProfile failed: ${JSON.stringify(result.errors)}`);
    return performance.now() - started;
  };
  const samples = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < WARM_UP + ROUNDS; i += 1) {
    // Alternate, so both see the same machine state.
    const a = await timeOne(withControl.url);
    const b = await timeOne(without.url);
    if (i >= WARM_UP) {
      samples.with.push(a);
      samples.without.push(b);
    }
  }
  const report = {
    database: database ? 'postgresql' : 'embedded PostgreSQL',
    rounds: ROUNDS,
    withEnforcement: { medianMs: +median(samples.with).toFixed(2), p95Ms: +percentile(samples.with, 95).toFixed(2) },
    withoutEnforcement: {
      medianMs: +median(samples.without).toFixed(2),
      p95Ms: +percentile(samples.without, 95).toFixed(2),
    },
    medianCostMs: +(median(samples.with) - median(samples.without)).toFixed(2),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  withControl.server.close();
  without.server.close();
  await guarded.apollo.stop();
  await bare.apollo.stop();
  await system.stop();
  await database?.drop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
