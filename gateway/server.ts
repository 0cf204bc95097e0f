import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { SubgraphName } from '../shared/config/services';
import { formatErrorForClients } from '../shared/graphql/format-error';
import type { Logger } from '../shared/logging/logger';
import type { GatewayConfig } from './config';
import { nameBadInput } from './errors';
import { graphiqlRouter } from './graphiql/router';
import { subgraphHealth } from './health';

export interface GatewayServer {
  app: Express;
  apollo: ApolloServer;
  gateway: ApolloGateway;
}

/** Builds (without listening) the gateway: /graphql, /graphiql, /health. */
export async function createGateway(config: GatewayConfig, logger: Logger): Promise<GatewayServer> {
  const supergraphSdl = readFileSync(config.supergraphFile, 'utf8');
  const urls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      urls.set(name, target);
      return new RemoteGraphQLDataSource({ url: target });
    },
  });
  const formatForClients = formatErrorForClients(logger);
  const apollo = new ApolloServer({
    gateway,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: !config.production,
    formatError: (formatted, error) => formatForClients(nameBadInput(formatted, error), error),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const subgraphs = await subgraphHealth(urls);
    const healthy = Object.values(subgraphs).every((status) => status === 'ok');
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', subgraphs });
  });
  app.use(graphiqlRouter('/graphql'));
  app.use('/graphql', express.json({ limit: config.bodyLimit }), expressMiddleware(apollo));
  return { app, apollo, gateway };
}
