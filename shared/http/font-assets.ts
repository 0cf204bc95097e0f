import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router } from 'express';

/**
 * Noto Sans SC for the pages, shipped with the project (@fontsource/noto-sans-sc): its CSS and its
 * woff2/woff subsets (unicode-range, so a page fetches only the slices of the characters it shows)
 * served from node_modules. No CDN and no system font: every Chinese character renders on a machine
 * with no CJK font. Mounted by the hall at /assets/<version>/fonts and by the gateway's GraphiQL at
 * /graphiql/assets/fonts; the CSS refers to its files as ./files/…, relative to where it is mounted.
 */
const PACKAGE_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

/** Part of the hall's asset version: a new font package is a new path. */
export const FONT_PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/** The weights the pages use: regular text and bold headings / the verdict. */
export const FONT_STYLESHEETS = ['400.css', '700.css'] as const;

/** The package's file names: nothing else in its folder is ever read (no path from a request reaches the disk). */
const FONT_FILE = /^noto-sans-sc-[a-z0-9]+(?:-[a-z]+)?-[0-9]{3}-normal\.(woff2|woff)$/;

/** `cacheControl`: how long browsers keep the files (the hall versions its asset paths, so a year). */
export function fontAssetsRouter(cacheControl: string): Router {
  const router = Router();
  // Read once: a page load asks for each stylesheet, and two small files fit in memory.
  const stylesheets = new Map<string, Buffer>(
    FONT_STYLESHEETS.map((name) => [name, readFileSync(join(PACKAGE_DIR, name))]),
  );
  router.get('/:name', (req, res) => {
    const css = stylesheets.get(req.params.name);
    if (!css) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', cacheControl).type('text/css').send(css);
  });
  router.get('/files/:name', (req, res) => {
    const match = FONT_FILE.exec(req.params.name);
    if (!match) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', cacheControl).type(match[1] === 'woff2' ? 'font/woff2' : 'font/woff');
    res.sendFile(join(PACKAGE_DIR, 'files', req.params.name), (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  });
  return router;
}
