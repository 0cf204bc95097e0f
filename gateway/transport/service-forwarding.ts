import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { INGEST_FORWARDING_HEADER } from '../../shared/auth/ingest-forwarding';
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
  /** Headers the gateway adds to what it forwards (after removing any the client sent under those names). */
  requestHeaders?: (req: IncomingMessage) => Record<string, string>;
}

/** Signs the proof that the gateway forwarded an upload sent with this Authorization header (shared/auth/ingest-forwarding.ts). */
export type UploadProof = (authorization: string) => string;

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

/**
 * The forwarding table: which service owns which paths. An upload forwarded to the ingest service carries the
 * gateway's proof (`proveUpload`) that it came this way: its batches, posted back to /graphql, count as FILE.
 */
export function forwardedServices(
  urls: { hall?: string; ingest?: string },
  proveUpload?: UploadProof,
): ForwardedService[] {
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
      requestHeaders: (req): Record<string, string> => {
        const authorization = req.headers.authorization;
        if (!proveUpload || !authorization || req.method !== 'POST') return {};
        return { [INGEST_FORWARDING_HEADER]: proveUpload(authorization) };
      },
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
      proxyReq: (proxyReq, req) => {
        // Only the gateway writes the upload proof: a client's own is dropped, whichever service it is sent to.
        proxyReq.removeHeader(INGEST_FORWARDING_HEADER);
        for (const [name, value] of Object.entries(service.requestHeaders?.(req) ?? {}))
          proxyReq.setHeader(name, value);
        proxyReq.flushHeaders();
      },
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
