import './tracing';
import type { Server } from 'node:http';
import { shutdownGraceMs, ShutdownSignal, stopGracefullyOnSignal } from '../shared/http/graceful-stop';
import { boundPort, reportListening } from '../shared/http/listening-port';
import { createLogger } from '../shared/logging/logger';
import { loadConfig } from './config';
import { listenForMetrics } from './metrics/metrics-app';
import { createGateway } from './server';

const logger = createLogger('gateway');

async function main(): Promise<void> {
  const config = loadConfig();
  const graceMs = shutdownGraceMs();
  const shutdown = new ShutdownSignal();
  const { app, metricsApp, apollo } = await createGateway(config, logger, shutdown);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // Longer than a load balancer's idle timeout, so it is never the gateway that drops a reused connection.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const metrics = await listenForMetrics(metricsApp, config.metrics);
  // Port 0 (startSystem on free ports): the OS picks both ports now, and the parent learns them here.
  const port = boundPort(server);
  const metricsPort = boundPort(metrics);
  logger.info(
    { port: metricsPort, host: config.metrics.host },
    'gateway metrics listening (/metrics, /health/subgraphs)',
  );
  logger.info({ port, graphiql: `http://localhost:${port}/graphiql` }, 'gateway listening');
  const release = async () => {
    metrics.close();
    await apollo.stop();
  };
  stopGracefullyOnSignal({ server, signal: shutdown, graceMs, logger, release });
  reportListening(port, metricsPort);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
