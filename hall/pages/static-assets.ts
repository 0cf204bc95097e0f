import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Router } from 'express';
import { FONT_PACKAGE_VERSION, fontAssetsRouter } from '../../shared/http/font-assets';

/**
 * The pages' static files under /assets/<version>/: css/ (hall/assets), js/ (dist/browser, the
 * browser build of hall/browser and the shared code it imports) and fonts/ (Noto Sans SC from
 * node_modules). <version> is a digest of all of them, so each file can be cached for a year and a
 * new build is fetched at once. Every file is read at start-up: no path from a request reaches the disk.
 */
const YEAR = 'public, max-age=31536000, immutable';

/** dist/hall/pages → dist/browser, and → the repository's hall/assets (copied beside dist in the image). */
const BROWSER_DIR = join(__dirname, '..', '..', 'browser');
const CSS_DIR = join(__dirname, '..', '..', '..', 'hall', 'assets');

function filesUnder(dir: string, suffix: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // A hall built without the browser step (tsc -p tsconfig.build.json alone) would serve pages that do nothing.
  if (!existsSync(dir))
    throw new Error(`${dir} is missing: build with \`npm run build\` (it compiles the pages' scripts too)`);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
  }
  return files;
}

export interface StaticAssets {
  /** e.g. /assets/3f2a9c01b7de: what the pages link to */
  prefix: string;
  router: Router;
}

export function staticAssets(): StaticAssets {
  const scripts = filesUnder(BROWSER_DIR, '.js');
  const styles = filesUnder(CSS_DIR, '.css');
  const digest = createHash('sha256').update(FONT_PACKAGE_VERSION);
  for (const [name, body] of [...scripts, ...styles].sort(([a], [b]) => a.localeCompare(b)))
    digest.update(name).update(body);
  const version = digest.digest('hex').slice(0, 12);

  const router = Router();
  // A page of an older build still gets today's files, but only the current version is cached for long.
  const cacheFor = (requested: string) => (requested === version ? YEAR : 'no-cache');
  router.get('/:version/js/*path', (req, res) => {
    // The browser modules import each other without the .js extension, as the TypeScript sources do.
    const path = (req.params.path as string[]).join('/');
    const body = scripts.get(path) ?? scripts.get(`${path}.js`);
    if (!body) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', cacheFor(req.params.version)).type('text/javascript').send(body);
  });
  router.get('/:version/css/:name', (req, res) => {
    const body = styles.get(req.params.name);
    if (!body) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', cacheFor(req.params.version)).type('text/css').send(body);
  });
  router.use('/:version/fonts', fontAssetsRouter(YEAR));
  return { prefix: `/assets/${version}`, router };
}
