import { FONT_STYLESHEETS } from '../shared/http/font-assets';
import { escapeHtml } from '../shared/text/html-escape';
import { DEMO_USERS, demoSubjectUsers, departmentName } from './users';

/** Where this provider serves the shipped Noto Sans SC (shared/http/font-assets.ts): the page renders on a machine with no CJK font. */
export const FONT_PATH = '/assets/fonts';

const FONT_LINKS = FONT_STYLESHEETS.map((name) => `<link rel="stylesheet" href="${FONT_PATH}/${name}">`).join('');

/** Security headers of every page this provider renders itself: no script, no framing, nothing fetched. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The shipped font's stylesheet and files come from this provider itself (FONT_PATH), nothing from elsewhere.
  'content-security-policy':
    "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const STYLE = `
body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:20px;margin:0;background:#f4f4f4;color:#111}
.dev{background:#b00020;color:#fff;padding:12px 24px;font-weight:bold;font-size:22px}
main{max-width:720px;margin:24px auto;background:#fff;padding:24px 32px;border:1px solid #ccc}
fieldset{border:0;padding:0;margin:0 0 24px}
legend{font-size:24px;font-weight:bold;margin-bottom:12px}
label{display:block;padding:12px;border:2px solid #ccc;margin-bottom:8px;cursor:pointer}
label:focus-within{border-color:#0050b3;outline:3px solid #91caff}
input[type=radio]{width:22px;height:22px;vertical-align:middle;margin-right:12px}
.meta{color:#444;font-size:17px;margin-left:38px;display:block}
button{font-size:20px;padding:10px 28px;margin-right:16px}
button:focus{outline:3px solid #91caff}
p.note{color:#444;font-size:16px}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>${FONT_LINKS}<style>${STYLE}</style></head><body><div class="dev" role="alert">开发环境登录 — 仅供开发测试（Development sign-in: not for production）</div><main>${body}</main></body></html>`;
}

/** Choose a demo user: no password (development only); the form posts back to this interaction, which its cookie binds to this browser. */
export function loginPage(uid: string, clientName: string): string {
  const staff = DEMO_USERS.map(
    (user) =>
      [
        user.sub,
        `${user.name}（${user.title}）`,
        `${departmentName(user.org)} · ${user.org} · 角色 ${user.roles.join(', ')}`,
      ] as const,
  );
  // A subject's meta line names its USCC; a person's ID number is not shown (it is personal information).
  const subjects = demoSubjectUsers().map(
    (user) =>
      [
        user.sub,
        `${user.name}（${user.title}）`,
        `信用主体本人 · ${user.self.uscc ?? '自然人'} · 角色 subject`,
      ] as const,
  );
  const users = [...staff, ...subjects]
    .map(
      ([sub, label, meta], index) =>
        `<label><input type="radio" name="user" value="${escapeHtml(sub)}"${index === 0 ? ' checked autofocus' : ''}>${escapeHtml(label)}` +
        `<span class="meta">${escapeHtml(meta)}</span></label>`,
    )
    .join('');
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return page(
    '开发环境登录',
    `<form method="post" action="${action}/login"><fieldset><legend>选择演示用户登录 ${escapeHtml(clientName)}</legend>${users}</fieldset>` +
      '<button type="submit">登录</button></form>' +
      `<form method="post" action="${action}/abort"><button type="submit">取消</button></form>` +
      '<p class="note">方向键选择用户，回车登录。此页面由开发身份提供方提供，生产环境使用本区统一身份认证。</p>',
  );
}

/** RP-initiated logout: oidc-provider's confirmation form (with its own CSRF token), in Chinese. */
export function logoutPage(form: string): string {
  return page(
    '退出登录',
    `${form}<p>是否同时退出开发身份提供方？</p><button type="submit" form="op.logoutForm" value="yes" name="logout" autofocus>退出</button><button type="submit" form="op.logoutForm">仅退出大厅</button>`,
  );
}

export function signedOutPage(): string {
  return page('已退出', '<p>您已退出登录。</p>');
}

export function errorPage(message: string): string {
  return page('登录出错', `<h1>登录出错</h1><p>${escapeHtml(message)}</p><p>请回到大厅重新登录。</p>`);
}
