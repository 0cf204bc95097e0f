import express, { NextFunction, Request, Response, Router } from 'express';
import { gatewayUrl } from '../../shared/config/gateway-url';
import type { Logger } from '../../shared/logging/logger';
import { sessionOf } from '../auth/session';
import type { HallConfig } from '../config';

/** The header only the pages' own script sends: a cross-site form cannot set it, and a cross-site script's request with it is not simple (CORS preflight, which the hall never grants). */
export const HALL_REQUEST_HEADER = 'x-hall-request';
/** How long the gateway may take: it bounds its own work; this bounds a gateway that does not answer. */
const GATEWAY_TIMEOUT_MS = 60_000;
/** Request headers passed on as the page sent them (the gateway checks both). */
const PASSED_REQUEST_HEADERS = ['x-purpose', 'x-request-id'];
const PASSED_RESPONSE_HEADERS = ['content-type', 'x-request-id', 'retry-after'];

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * POST /hall/api/graphql: the pages' GraphQL calls, sent on to the gateway's /graphql as the signed-in
 * user (`Authorization: Bearer <the session's access token>`; no session = the public, no header). The
 * hall adds no rule: the gateway's status, body and x-request-id come back as they are. JSON only, with
 * the x-hall-request header (CSRF), the body bounded before it is read — the gateway's limits: the
 * public's without a session.
 */
export function graphqlProxyRouter(config: HallConfig, logger: Logger): Router {
  const router = Router();
  const raw = {
    signedIn: express.raw({ type: () => true, limit: config.bodyLimit }),
    public: express.raw({ type: () => true, limit: config.publicBodyLimit }),
  };
  router.post(
    '/hall/api/graphql',
    (req, res, next) => {
      if (!req.is('application/json'))
        return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'the body must be application/json');
      if (req.header(HALL_REQUEST_HEADER) !== '1')
        return refuse(res, 403, 'CSRF_CHECK_FAILED', `the ${HALL_REQUEST_HEADER}: 1 header is required`);
      (sessionOf(req) ? raw.signedIn : raw.public)(req, res, next);
    },
    async (req: Request, res: Response) => {
      const session = sessionOf(req);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (session) headers.authorization = `Bearer ${session.accessToken}`;
      for (const name of PASSED_REQUEST_HEADERS) {
        const value = req.header(name);
        if (value) headers[name] = value;
      }
      try {
        const answer = await fetch(`${await gatewayUrl()}/graphql`, {
          method: 'POST',
          headers,
          body: new Uint8Array(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
        res.status(answer.status);
        for (const name of PASSED_RESPONSE_HEADERS) {
          const value = answer.headers.get(name);
          if (value) res.setHeader(name, value);
        }
        res.setHeader('cache-control', 'no-store');
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        logger.error({ err: error }, 'the gateway did not answer the page’s GraphQL call');
        refuse(res, 503, 'GATEWAY_UNAVAILABLE', '网关暂不可用，请稍后再试 (the gateway did not answer)');
      }
    },
  );
  // The body parser's refusals (over the limit, an unreadable charset) as GraphQL errors, as the gateway answers them.
  router.use(
    '/hall/api/graphql',
    (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
      if (error.type === 'entity.too.large') return refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'request body too large');
      if (typeof error.status === 'number' && error.status >= 400 && error.status < 500)
        return refuse(res, error.status, 'BAD_REQUEST', `the request body cannot be read (${error.type ?? 'unknown'})`);
      next(error);
    },
  );
  return router;
}
