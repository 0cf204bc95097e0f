import './tracing';
import type { Server } from 'node:http';
import { listenForGatewayUrl } from '../shared/config/gateway-url';
import { shutdownGraceMs, ShutdownSignal, stopGracefullyOnSignal } from '../shared/http/graceful-stop';
import { boundPort, reportListening } from '../shared/http/listening-port';
import { createLogger } from '../shared/logging/logger';
import { loadIngestConfig } from './config';
import { createIngest } from './server';

const logger = createLogger('ingest');

async function main(): Promise<void> {
  listenForGatewayUrl();
  const config = loadIngestConfig();
  const shutdown = new ShutdownSignal();
  const app = createIngest(config, logger, shutdown);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  // Outlive the gateway's idle keep-alive sockets (as the subgraphs do).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // An upload is applied while it arrives: 100,000 rows take about a minute, so the 300 s default would cut
  // off the largest files; an hour still ends a request that never finishes.
  server.requestTimeout = 3_600_000;
  const port = boundPort(server);
  logger.info({ host: config.host, port }, 'ingest listening');
  stopGracefullyOnSignal({
    server,
    signal: shutdown,
    graceMs: shutdownGraceMs(),
    logger,
    release: async () => undefined,
  });
  reportListening(port);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'ingest failed to start');
  process.exit(1);
});
