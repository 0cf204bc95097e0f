import express, { Express } from 'express';
import { ShutdownSignal } from '../shared/http/graceful-stop';
import { healthRoutes } from '../shared/http/health-routes';
import type { Logger } from '../shared/logging/logger';
import { graphqlProxyRouter } from './api/graphql-proxy';
import { authRouter } from './auth/router';
import type { HallConfig } from './config';
import { documentsRouter } from './documents/router';
import { pagesRouter } from './pages/router';

/**
 * Builds (without listening) the hall: the pages people use — the window (/hall), the landing page (/),
 * public verification (/verify) — their sign-in (/auth) and the report downloads (/documents). The gateway
 * forwards those paths here, so users have one address; the hall reads and writes only through the
 * gateway, as the signed-in user.
 */
export function createHall(config: HallConfig, logger: Logger, shutdown = new ShutdownSignal()): Express {
  const app = express();
  app.disable('x-powered-by');
  // Ready once it listens: its one dependency, the gateway, may start after it (and a gateway down is shown on the page).
  app.use(healthRoutes(async () => ({ ready: true, checks: {} }), shutdown));
  // First: its session middleware opens the session cookie for every router after it (sessionOf).
  app.use(authRouter(config, logger));
  app.use(graphqlProxyRouter(config, logger));
  app.use(documentsRouter());
  app.use(pagesRouter(config));
  return app;
}
