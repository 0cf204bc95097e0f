import { escapeHtml } from '../../shared/text/html-escape';

/** A sign-in that did not complete: what happened, and the way to try again (the pages' own layout is theirs). */
export function signInProblemPage(message: string, returnTo: string): string {
  const retry = `/auth/login?return=${encodeURIComponent(returnTo)}`;
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>登录未完成</title>' +
    '<style>body{font-family:"Noto Sans SC",sans-serif;font-size:20px;max-width:720px;margin:48px auto;padding:0 24px}a{font-size:22px}</style></head>' +
    `<body><h1>登录未完成</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(retry)}" autofocus>重新登录</a>　<a href="/hall">返回大厅</a></p></body></html>`
  );
}
