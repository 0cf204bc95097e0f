import type { Server } from 'node:http';
import type { Express } from 'express';
import { listenForGatewayUrl } from '../config/gateway-url';
import { createLogger, type Logger } from '../logging/logger';
import { shutdownGraceMs, ShutdownSignal, stopGracefullyOnSignal } from './graceful-stop';
import { boundPort, reportListening } from './listening-port';

/** What a service behind the gateway (the hall, the ingest) builds: its app and where it listens. */
export interface ServiceDefinition {
  name: string;
  build(logger: Logger, shutdown: ShutdownSignal): { app: Express; port: number; host: string };
  /** Longer than Node's 300 s for a service whose requests may last (an upload applied while it arrives). */
  requestTimeoutMs?: number;
}

/**
 * The whole of index.ts for a service that calls the gateway as its caller: it learns the gateway's address,
 * builds, listens, tells its parent the port, and stops gracefully on SIGTERM/SIGINT. A failure exits 1.
 */
export function runService(definition: ServiceDefinition): void {
  const logger = createLogger(definition.name);
  const start = async () => {
    listenForGatewayUrl();
    const shutdown = new ShutdownSignal();
    const { app, port, host } = definition.build(logger, shutdown);
    const server: Server = await new Promise((resolve, reject) => {
      const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    });
    // Outlive the gateway's idle keep-alive sockets (as the subgraphs do).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    if (definition.requestTimeoutMs !== undefined) server.requestTimeout = definition.requestTimeoutMs;
    const bound = boundPort(server);
    logger.info({ host, port: bound }, `${definition.name} listening`);
    stopGracefullyOnSignal({
      server,
      signal: shutdown,
      graceMs: shutdownGraceMs(),
      logger,
      release: async () => undefined,
    });
    reportListening(bound);
  };
  start().catch((error: unknown) => {
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    process.exit(1);
  });
}
