import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from '../../shared/logging/logger';

/**
 * The paths of the people-facing pages, served by the hall process (hall/): the landing page, the window,
 * its sign-in, public verification, report downloads and the pages' assets. The gateway only forwards
 * them — it renders no page — so users have one address (the gateway's public port) and the hall itself
 * listens on the internal network only.
 */
const HALL_PREFIXES = ['/hall', '/auth', '/verify', '/documents', '/assets'];

export function isHallPath(pathname: string): boolean {
  return pathname === '/' || HALL_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** A hall that is down or not configured: the page says so in Chinese, nothing about where it lives. */
function hallUnavailable(res: ServerResponse | Socket): void {
  if (!('writeHead' in res) || res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' });
  res.end('窗口服务暂不可用，请稍后再试 (the hall service is not answering; try again shortly)\n');
}

/** Forwards the hall's paths to HALL_URL (streamed, bodies untouched); without one they answer 503. */
export function hallForwarding(hallUrl: string | undefined, logger: Logger): RequestHandler {
  if (!hallUrl) {
    logger.warn('HALL_URL is not set: the pages (/, /hall, /verify, …) answer 503');
    return (req, res, next) => (isHallPath(req.path) ? hallUnavailable(res) : next());
  }
  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: hallUrl,
    pathFilter: (pathname) => isHallPath(pathname),
    // The Host header passes as the client sent it (the hall's development redirects use it); no x-forwarded-*
    // is added, and the hall trusts none: in production it builds every address from its configured PUBLIC_URL.
    proxyTimeout: 60_000,
    on: {
      error: (error, _req, res) => {
        logger.error({ err: error }, 'the hall did not answer');
        hallUnavailable(res);
      },
    },
  });
  return proxy as unknown as RequestHandler;
}
