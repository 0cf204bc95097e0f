import type { Server } from 'node:http';
import { countSqlStatements } from '../db/sql-counter';
import { stopEventBus } from '../events/bus';
import { createLogger } from '../logging/logger';
import { shutdownGraceMs, ShutdownSignal, stopGracefullyOnSignal } from './graceful-stop';
import { boundPort, reportListening } from './listening-port';
import { createSubgraphServer, loadSubgraphConfig, SubgraphDefinition } from './subgraph-server';

/**
 * The whole of a subgraph's index.ts: load config, build the server, listen,
 * and stop cleanly on SIGINT/SIGTERM. Any start-up failure exits non-zero.
 */
export function runSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): void {
  const logger = createLogger(definition.name);
  countSqlStatements();
  const start = async () => {
    const config = loadSubgraphConfig(definition.name);
    const graceMs = shutdownGraceMs();
    const shutdown = new ShutdownSignal();
    const { app, apollo, orm, eventsOrm } = await createSubgraphServer(definition, config, logger, shutdown);
    const server: Server = await new Promise((resolve, reject) => {
      const listening = app.listen(config.port, config.host, (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
    // Outlive the gateway's idle keep-alive sockets: a server closing one the gateway is
    // about to reuse surfaces as "socket hang up" on a request that did nothing wrong.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    // Port 0 (startSystem on free ports): the OS picks it now, and the parent learns it here.
    const port = boundPort(server);
    logger.info({ host: config.host, port }, `${definition.name} subgraph listening`);
    stopGracefullyOnSignal({
      server,
      signal: shutdown,
      graceMs,
      logger,
      release: async () => {
        await definition.stop?.();
        await apollo.stop();
        await stopEventBus();
        await eventsOrm.close();
        await orm.close();
      },
    });
    reportListening(port);
  };
  start().catch((error: unknown) => {
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    process.exit(1);
  });
}
