import './production-guard';
import { createServer } from 'node:http';
import { shutdownGraceMs, ShutdownSignal, stopGracefullyOnSignal } from '../shared/http/graceful-stop';
import { boundPort, reportListening } from '../shared/http/listening-port';
import { createLogger } from '../shared/logging/logger';
import { loadDevIdentityConfig } from './config';
import { createDevIdentityProvider } from './provider';

const logger = createLogger('dev-identity');

async function main(): Promise<void> {
  const config = loadDevIdentityConfig();
  const shutdown = new ShutdownSignal();
  // Bound before it is built: on port 0 the issuer (http://localhost:<port>) is known only now.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = boundPort(server);
  const issuer = config.issuer ?? `http://localhost:${port}`;
  server.on('request', createDevIdentityProvider({ ...config, issuer }, logger, shutdown));
  logger.warn(
    { issuer, port },
    'development identity provider listening: DEVELOPMENT ONLY, anyone can sign in as a demo user',
  );
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
  logger.fatal({ err: error }, 'development identity provider failed to start');
  process.exit(1);
});
