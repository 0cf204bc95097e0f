import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router } from 'express';

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

/** The files are not in the packages' exports maps: read them from the package folder. */
function packageFile(packageName: string, file: string): Buffer {
  return readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), file));
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>姑苏区公共信用数据共享网关 · GraphiQL</title>
  <link rel="stylesheet" href="graphiql/assets/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql" data-endpoint="${endpoint}">正在加载 GraphiQL…</div>
  <script src="graphiql/assets/react.js"></script>
  <script src="graphiql/assets/react-dom.js"></script>
  <script src="graphiql/assets/graphiql.js"></script>
  <script src="graphiql/assets/init.js"></script>
</body>
</html>
`;
}

// Paste a token into the Headers tab as {"Authorization": "Bearer …"}.
const INIT = `(function () {
  var root = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: root.getAttribute('data-endpoint') });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# 姑苏区公共信用数据共享网关\\n{\\n  subjects(search: "姑苏", first: 5) {\\n    totalCount\\n    nodes { id uscc name creditStatus }\\n  }\\n}\\n'
  }));
})();
`;

export function graphiqlRouter(endpoint = '/graphql'): Router {
  const router = Router();
  const assets = new Map(Object.entries(ASSETS).map(([name, asset]) => [name, { body: packageFile(asset.packageName, asset.file), type: asset.type }]));
  assets.set('init.js', { body: Buffer.from(INIT), type: 'text/javascript' });
  const html = page(endpoint);

  router.get('/graphiql', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('html').send(html);
  });
  router.get('/graphiql/assets/:name', (req, res) => {
    const asset = assets.get(req.params.name);
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', 'public, max-age=86400').type(asset.type).send(asset.body);
  });
  return router;
}
