import { Response, Router } from 'express';
import { sessionOf } from '../auth/session';
import type { HallConfig } from '../config';
import { docsPage } from './docs-page';
import { hallPage } from './hall-page';
import { landingPage } from './landing-page';
import { listsPage } from './lists-page';
import { repairIntakePage, repairProgressPage, repairReceiptPage } from './repair-pages';
import { securityHeaders } from './security-headers';
import { staticAssets } from './static-assets';
import { subjectPage } from './subject-page';
import { verifyPage } from './verify-page';

/**
 * The people-facing pages: `/` (landing), `/hall` (the window), `/verify` (public report
 * verification), `/hall/lists` (the public lists), `/hall/repair-intake` and `/hall/repair-receipt`
 * (the window takes a repair application, prints its receipt), `/hall/repair-progress` (public, repairs and
 * objections), `/hall/my` (the subject signed in as itself), `/hall/docs/<name>` and the static files under
 * `/assets` (docs/HALL.md). The pages call the gateway from the browser (the hall through its proxy
 * /hall/api/graphql as the signed-in clerk, /verify and the lists as the public), so what they show
 * obeys the gateway's rules and audit unchanged.
 */
export function pagesRouter(config: Pick<HallConfig, 'development'>): Router {
  const router = Router();
  const assets = staticAssets();
  const context = { assets: assets.prefix, development: config.development };
  router.use(securityHeaders);
  router.use('/assets', assets.router);
  // A page names the signed-in user: never cached by the browser or anything between.
  const send = (res: Response, body: string) => res.set('Cache-Control', 'no-store').type('html').send(body);
  router.get('/', (req, res) => send(res, landingPage(context, sessionOf(req)?.user ?? null)));
  router.get('/hall', (req, res) => send(res, hallPage(context, sessionOf(req)?.user ?? null)));
  router.get('/verify', (req, res) => send(res, verifyPage(context, req.query as Record<string, unknown>)));
  router.get('/hall/lists', (_req, res) => send(res, listsPage(context)));
  router.get('/hall/repair-intake', (req, res) => send(res, repairIntakePage(context, sessionOf(req)?.user ?? null)));
  router.get('/hall/repair-receipt', (req, res) => send(res, repairReceiptPage(context, sessionOf(req)?.user ?? null)));
  router.get('/hall/repair-progress', (req, res) =>
    send(res, repairProgressPage(context, req.query as Record<string, unknown>)),
  );
  router.get('/hall/my', (req, res) => send(res, subjectPage(context, sessionOf(req)?.user ?? null)));
  router.get('/hall/docs/:name', async (req, res) => {
    const body = await docsPage(context, req.params.name);
    if (body === null) res.status(404).type('text/plain; charset=utf-8').send('没有这个文档');
    else send(res, body);
  });
  return router;
}
