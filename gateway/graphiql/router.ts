import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { FONT_STYLESHEETS, fontAssetsRouter } from '../../shared/http/font-assets';

/**
 * GraphiQL served by the gateway itself from the graphiql package and React's
 * UMD builds: no CDN, so it works on a government intranet with no internet.
 * Scripts are all same-origin files, so a strict CSP applies.
 */
const ASSETS: Record<string, { packageName: string; file: string; type: string }> = {
  'react.js': { packageName: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { packageName: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { packageName: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A day: the files change only with a package upgrade. */
const ASSET_CACHE = 'public, max-age=86400';

/** The files are not in the packages' exports maps: read them from the package folder. */
function packageFile(packageName: string, file: string): Buffer {
  return readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), file));
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** GraphiQL's own fonts (Roboto, Fira Code) are not shipped: the shipped Noto Sans SC carries the Chinese of the schema and the answers. */
const FONTS_CSS = `.graphiql-container, .CodeMirror, .graphiql-container * {
  --font-family: 'Noto Sans SC', sans-serif;
  --font-family-mono: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', monospace, 'Noto Sans SC';
}
.graphiql-dev-sign-in { display: flex; gap: 12px; align-items: center; padding: 6px 12px; background: #ffd166; color: #2b1700; font: 16px 'Noto Sans SC', sans-serif; }
.graphiql-dev-sign-in button { font: inherit; padding: 2px 12px; }
body { display: flex; flex-direction: column; }
#graphiql { flex: 1; min-height: 0; }
`;

function page(endpoint: string, development: boolean): string {
  const signIn = development
    ? `<div class="graphiql-dev-sign-in" role="region" aria-label="开发环境"><strong>开发环境</strong><button type="button" id="graphiql-sign-in">登录并使用令牌</button><span id="graphiql-sign-in-status" role="status"></span></div>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>姑苏区公共信用数据共享网关 · GraphiQL</title>
  <link rel="stylesheet" href="graphiql/assets/graphiql.css">
  ${FONT_STYLESHEETS.map((name) => `<link rel="stylesheet" href="graphiql/assets/fonts/${name}">`).join('\n  ')}
  <link rel="stylesheet" href="graphiql/assets/fonts.css">
  <style>html, body { height: 100%; margin: 0; }</style>
</head>
<body>
  ${signIn}
  <div id="graphiql" data-endpoint="${endpoint}">正在加载 GraphiQL…</div>
  <script src="graphiql/assets/react.js"></script>
  <script src="graphiql/assets/react-dom.js"></script>
  <script src="graphiql/assets/graphiql.js"></script>
  <script src="graphiql/assets/init.js"></script>
</body>
</html>
`;
}

/**
 * The default query works for the public (no token): the published black list. In development,
 * 登录并使用令牌 signs in at the hall (same origin, /auth/login) and puts the session's token
 * (/auth/token, development only) into the Headers tab as {"Authorization": "Bearer …"}.
 */
const INIT = `(function () {
  var root = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: root.getAttribute('data-endpoint') });
  var reactRoot = ReactDOM.createRoot(root);
  var defaultQuery = '# 姑苏区公共信用数据共享网关 — 公众无需令牌即可查询公开的黑名单\\n' +
    'query PublishedList {\\n  publishedList(list: BLACK, first: 5) {\\n    totalCount\\n' +
    '    nodes { list reason decidedAt validUntil decidedBy { name } subject { uscc name } }\\n  }\\n}\\n';
  function render(headers) {
    reactRoot.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      headers: headers,
      defaultEditorToolsVisibility: headers ? 'headers' : true
    }));
  }
  render(undefined);
  var button = document.getElementById('graphiql-sign-in');
  if (!button) return;
  var status = document.getElementById('graphiql-sign-in-status');
  function useToken(signInWhenNeeded) {
    status.textContent = '正在取得令牌…';
    fetch('/auth/token', { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(function (response) {
      if (response.status === 401 && signInWhenNeeded) {
        window.location.assign('/auth/login?return=' + encodeURIComponent('/graphiql?token=1'));
        return null;
      }
      if (!response.ok) throw new Error(response.status === 404 ? '开发登录未启用' : 'HTTP ' + response.status);
      return response.json();
    }).then(function (answer) {
      if (!answer) return;
      render(JSON.stringify({ Authorization: 'Bearer ' + answer.accessToken }, null, 2));
      status.textContent = '已使用登录令牌（至 ' + answer.expiresAt + '）';
    }).catch(function (error) {
      status.textContent = '未能取得令牌：' + error.message;
    });
  }
  button.addEventListener('click', function () { useToken(true); });
  // Back from the sign-in this button started.
  if (new URLSearchParams(window.location.search).get('token') === '1') useToken(false);
})();
`;

/** `development`: offer the sign-in button (the hall's /auth/token answers only in development). */
export function graphiqlRouter(endpoint = '/graphql', development = false): Router {
  const router = Router();
  const assets = new Map(
    Object.entries(ASSETS).map(([name, asset]) => [
      name,
      { body: packageFile(asset.packageName, asset.file), type: asset.type },
    ]),
  );
  assets.set('init.js', { body: Buffer.from(INIT), type: 'text/javascript' });
  assets.set('fonts.css', { body: Buffer.from(FONTS_CSS), type: 'text/css' });
  const html = page(endpoint, development);

  router.get('/graphiql', (_req, res) => {
    res
      .set({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' })
      .type('html')
      .send(html);
  });
  router.use('/graphiql/assets/fonts', fontAssetsRouter(ASSET_CACHE));
  router.get('/graphiql/assets/:name', (req, res) => {
    const asset = assets.get(req.params.name);
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', ASSET_CACHE).type(asset.type).send(asset.body);
  });
  return router;
}
