import { RequestHandler, Router } from 'express';
import type { ShutdownSignal } from './graceful-stop';
import type { Readiness } from './readiness';

/**
 * /health/live: the process runs and is not stopping — no dependency is asked, so a
 * slow database never gets a live process restarted. /health/ready: its own
 * dependencies answer (the cached check) and it is not stopping: a stopping
 * process answers 503 at once, so a load balancer sends it nothing new.
 * /health is kept as an alias of /health/ready for older probes.
 */
export function healthRoutes(ready: () => Promise<Readiness>, shutdown: ShutdownSignal): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (shutdown.isStopping) res.status(503).json({ status: 'stopping' });
    else res.json({ status: 'live' });
  });
  const answerReady: RequestHandler = async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (shutdown.isStopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const { ready: isReady, checks } = await ready();
    res.status(isReady ? 200 : 503).json({ status: isReady ? 'ready' : 'not ready', checks });
  };
  router.get('/health/ready', answerReady);
  router.get('/health', answerReady);
  return router;
}
