import { FONT_STYLESHEETS } from '../../shared/http/font-assets';
import { Html, html } from './html';

/** What every page is rendered with. */
export interface PageContext {
  /** The versioned asset prefix (static-assets.ts), e.g. /assets/3f2a9c01b7de */
  assets: string;
  /** HallConfig.development: the header says so, beside the demo sign-in. */
  development: boolean;
}

/** The frame every page shares: the shipped font, the stylesheet, the site header and its links. */
export interface PageFrame {
  title: string;
  context: PageContext;
  /** Which link of the header is this page (aria-current). */
  current: 'home' | 'hall' | 'verify' | 'progress' | 'lists' | 'my' | 'docs' | null;
  /** Right side of the header: the signed-in user, or nothing. */
  account?: Html;
  main: Html;
  /** Browser modules under dist/browser/hall/browser, by file name (e.g. 'hall.js'). */
  scripts?: string[];
}

const LINKS: [PageFrame['current'], string, string][] = [
  ['home', '/', '首页'],
  ['hall', '/hall', '窗口'],
  ['verify', '/verify', '报告核验'],
  ['progress', '/hall/repair-progress', '办理进度'],
  ['my', '/hall/my', '我的信用'],
  ['lists', '/hall/lists', '公开名单'],
  [null, '/graphiql', 'GraphiQL'],
];

export function layout(frame: PageFrame): string {
  const nav = LINKS.map(
    ([key, href, text]) =>
      html`<li><a href="${href}" ${key === frame.current ? html` aria-current="page"` : ''}>${text}</a></li>`,
  );
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · 姑苏区公共信用</title>
        <link rel="icon" href="data:," />
        ${FONT_STYLESHEETS.map((name) => html`<link rel="stylesheet" href="${frame.context.assets}/fonts/${name}" />`)}
        <link rel="stylesheet" href="${frame.context.assets}/css/pages.css" />
        ${(frame.scripts ?? []).map((name) => html`<script type="module" src="${frame.context.assets}/js/hall/browser/${name}"></script>`)}
      </head>
      <body>
        <a class="skip" href="#main">跳到主要内容</a>
        <header class="site">
          <a class="brand" href="/">姑苏区公共信用信息服务</a>
          <nav aria-label="站点">
            <ul>
              ${nav}
            </ul>
          </nav>
          ${frame.context.development ? html`<p class="dev-marker">开发环境 · 演示数据与演示账号</p>` : ''}
          <div class="account">${frame.account ?? ''}</div>
        </header>
        <main id="main" tabindex="-1">${frame.main}</main>
        <footer class="site no-print">
          <p>姑苏区公共信用数据共享网关 · 字体：思源黑体 Noto Sans SC（随系统提供，无需联网）</p>
        </footer>
      </body>
    </html> `.markup;
}
