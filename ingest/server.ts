import express, { Express } from 'express';
import { ShutdownSignal } from '../shared/http/graceful-stop';
import { healthRoutes } from '../shared/http/health-routes';
import type { Logger } from '../shared/logging/logger';
import { initMetrics, scrape } from '../shared/metrics/registry';
import type { IngestConfig } from './config';
import { gatewaySender, SendOperation } from './gateway-client';
import { gradeDistributionCsvRouter } from './reports/grade-distribution-csv';
import { publicityQualityCsvRouter } from './reports/publicity-quality-csv';
import { identifyThrough } from './upload/identify';
import { ingestRouter } from './upload/router';

/**
 * Builds (without listening) the ingest service: POST /ingest/{kind} (files read as they arrive and sent in
 * batches), GET /reports/publicity-quality.csv and /reports/grade-distribution.csv, forwarded here by the gateway. Every operation is posted to
 * the gateway's /graphql as the caller, so the rules and the audit are the gateway's; /metrics is served on
 * this internal port, as the subgraphs do.
 */
export function createIngest(
  config: IngestConfig,
  logger: Logger,
  shutdown = new ShutdownSignal(),
  send: SendOperation = gatewaySender(),
): Express {
  initMetrics('ingest');
  const app = express();
  app.disable('x-powered-by');
  // Ready once it listens: its one dependency, the gateway, starts after it (and a gateway down fails the upload).
  app.use(healthRoutes(async () => ({ ready: true, checks: {} }), shutdown));
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await scrape();
    res.type(contentType).send(body);
  });
  app.use(publicityQualityCsvRouter(send));
  app.use(gradeDistributionCsvRouter(send));
  app.use(ingestRouter(identifyThrough(send), send, config.ingest, logger, shutdown));
  return app;
}
