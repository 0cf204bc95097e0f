import type { Server } from 'node:http';
import { createLogger } from '../shared/logging/logger';
import { loadConfig } from './config';
import { createGateway } from './server';

const logger = createLogger('gateway');

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, apollo } = await createGateway(config, logger);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // Longer than a load balancer's idle timeout, so it is never the gateway that drops a reused connection.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A file upload (POST /ingest) is applied while it arrives: 100,000 rows take about a minute, so the
  // 300 s default would cut off the largest files; an hour still ends a request that never finishes.
  server.requestTimeout = 3_600_000;
  logger.info({ port: config.port, graphiql: `http://localhost:${config.port}/graphiql` }, 'gateway listening');
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close();
    await apollo.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
