import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from '../../shared/logging/logger';

/** One internal service the gateway forwards some paths to, streamed, bodies untouched: it renders and parses nothing itself. */
export interface ForwardedService {
  name: string;
  /** <NAME>_URL; without one its paths answer 503. */
  url: string | undefined;
  owns(method: string, pathname: string): boolean;
  /** How long the service may take to answer. */
  timeoutMs: number;
  /** The 503 body when it does not answer: nothing about where it lives. */
  unavailable: string;
}

/**
 * The people-facing pages, served by the hall process (hall/): the landing page, the window, its sign-in, public
 * verification, report downloads and the pages' assets — so users have one address (the gateway's public port).
 */
const HALL_PREFIXES = ['/hall', '/auth', '/verify', '/documents', '/assets'];

export function isHallPath(pathname: string): boolean {
  return pathname === '/' || HALL_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Reporting by file and the CSV export, served by the ingest process (ingest/): it posts the batches back to /graphql as the caller. */
export function isIngestPath(method: string, pathname: string): boolean {
  return (
    (method === 'POST' && pathname.startsWith('/ingest/')) ||
    ((method === 'GET' || method === 'HEAD') &&
      (pathname === '/reports/publicity-quality.csv' || pathname === '/reports/grade-distribution.csv'))
  );
}

/** The forwarding table: which service owns which paths. */
export function forwardedServices(urls: { hall?: string; ingest?: string }): ForwardedService[] {
  return [
    {
      name: 'hall',
      url: urls.hall,
      owns: (_method, pathname) => isHallPath(pathname),
      timeoutMs: 60_000,
      unavailable: '窗口服务暂不可用，请稍后再试 (the hall service is not answering; try again shortly)\n',
    },
    // An upload is applied while it arrives (the ingest bounds it: INGEST_IDLE_SECONDS, its own hour-long request timeout).
    {
      name: 'ingest',
      url: urls.ingest,
      owns: isIngestPath,
      timeoutMs: 3_600_000,
      unavailable: '报送服务暂不可用，请稍后再试 (the ingest service is not answering; try again shortly)\n',
    },
  ];
}

function unavailable(service: ForwardedService, res: ServerResponse | Socket): void {
  if (!('writeHead' in res) || res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' });
  res.end(service.unavailable);
}

function forwardTo(service: ForwardedService, url: string, logger: Logger): RequestHandler {
  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: url,
    pathFilter: (pathname, req) => service.owns(req.method ?? 'GET', pathname),
    // The Host header passes as the client sent it (the hall's development redirects use it); no x-forwarded-*
    // is added, and the services trust none: in production the hall builds every address from its PUBLIC_URL.
    proxyTimeout: service.timeoutMs,
    on: {
      // At once, not with the first byte of the body: a service may refuse on the headers alone (a 413 by
      // Content-Length, a bad token) while the client waits for that answer before sending anything.
      proxyReq: (proxyReq) => proxyReq.flushHeaders(),
      error: (error, _req, res) => {
        logger.error({ err: error, service: service.name }, `the ${service.name} service did not answer`);
        unavailable(service, res);
      },
    },
  });
  return proxy as unknown as RequestHandler;
}

/** Forwards each service's paths to its URL; a service without one answers 503 on its paths. */
export function serviceForwarding(services: ForwardedService[], logger: Logger): RequestHandler[] {
  return services.map((service) => {
    if (service.url) return forwardTo(service, service.url, logger);
    logger.warn(`${service.name.toUpperCase()}_URL is not set: its paths answer 503`);
    return (req, res, next) => (service.owns(req.method, req.path) ? unavailable(service, res) : next());
  });
}
