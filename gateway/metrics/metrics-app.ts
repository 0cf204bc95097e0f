import type { Server } from 'node:http';
import express, { Express } from 'express';
import { scrape } from '../../shared/metrics/registry';
import { subgraphHealth } from '../health';

/**
 * The gateway's internal listener (GATEWAY_METRICS_PORT on METRICS_HOST):
 * /metrics for Prometheus, and /health/subgraphs, the operator's view of each
 * subgraph's readiness (a fan-out, so it is asked here on request, never by the
 * public probes). Nothing here is served on the public port.
 */
export function createMetricsApp(subgraphUrls: ReadonlyMap<string, string>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await scrape();
    res.type(contentType).send(body);
  });
  app.get('/health/subgraphs', async (_req, res) => {
    const subgraphs = await subgraphHealth(subgraphUrls);
    const healthy = Object.values(subgraphs).every((status) => status === 'ok');
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', subgraphs });
  });
  return app;
}

/** Listens on the internal address; a port in use fails the gateway's start like its public port would. */
export function listenForMetrics(app: Express, listener: { port: number; host: string }): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(listener.port, listener.host, (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}
