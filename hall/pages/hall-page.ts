import type { HallUser } from '../auth/session';
import { MATTERS } from '../matters';
import { html, Html } from './html';
import { layout, PageContext } from './layout';

/** The account area of the header: who is signed in and 退出, or 登录. */
export function accountArea(user: HallUser | null, returnTo: string): Html {
  if (!user)
    return html`<a class="button primary" id="sign-in" href="/auth/login?return=${encodeURIComponent(returnTo)}"
      >登录</a
    >`;
  return html`<span class="user" id="user-name">${user.name}</span
    >${user.org ? html`<span class="org" id="user-org">${user.org}</span>` : ''}<a
      class="button"
      id="sign-out"
      href="/auth/logout"
      >退出</a
    >`;
}

const SHORTCUTS: [string, string][] = [
  ['/', '转到查询框（扫码枪可直接扫描，无需先点击）'],
  ['Enter', '查询 / 确认'],
  ['Alt+1 … Alt+9', `选择办理事项（${MATTERS.map((m, i) => `${i + 1} ${m.label}`).join('，')}）`],
  ['↑ ↓', '在办理事项中移动'],
  ['Tab / Shift+Tab', '在结论、措施反馈（已实施 / 未实施）、报告之间移动'],
  ['Alt+R', '转到出具信用审查报告'],
  ['Esc', '回到查询框'],
];

function signedOutMain(): Html {
  return html`<section class="sign-in-needed">
    <h1>政务服务大厅窗口</h1>
    <p>查询申请人信用、查看办理事项的比对结论、记录奖惩反馈、出具信用审查报告，须先以窗口工作人员身份登录。</p>
    <p><a class="button primary huge" id="sign-in-main" href="/auth/login?return=%2Fhall">登录</a></p>
  </section>`;
}

function signedInMain(): Html {
  const matters = MATTERS.map(
    (matter, i) =>
      html`<label class="matter"
        ><input
          type="radio"
          name="matter"
          value="${matter.scenario}"
          data-label="${matter.label}"
          ${i === 0 ? html` checked` : ''}
        /><span class="key">Alt+${String(i + 1)}</span> ${matter.label}</label
      >`,
  );
  return html`<h1 class="visually-hidden">政务服务大厅窗口</h1>
    <form id="lookup-form" class="lookup no-print" role="search" autocomplete="off">
      <div class="lookup-row">
        <label for="lookup"
          >统一社会信用代码或主体名称<span class="hint">（可输入、粘贴或扫描营业执照二维码）</span></label
        >
        <input
          id="lookup"
          name="q"
          type="text"
          maxlength="500"
          spellcheck="false"
          autocapitalize="characters"
          aria-describedby="lookup-message"
        />
        <button type="submit" class="primary">查询</button>
      </div>
      <fieldset class="matters">
        <legend>办理事项</legend>
        ${matters}
      </fieldset>
      <div class="reference-row">
        <label for="reference">办件编号（可选，记入审计）</label
        ><input id="reference" name="reference" type="text" maxlength="100" />
      </div>
    </form>
    <p id="lookup-message" aria-live="polite"></p>
    <div id="candidates"></div>
    <section id="verdict" class="verdict" aria-live="assertive" aria-atomic="true"></section>
    <div id="measures-slot"></div>
    <div id="report-slot"></div>
    <div id="profile-slot" class="profile"></div>
    <p class="no-print"><a class="button" id="repair-intake-link" href="/hall/repair-intake">受理信用修复申请</a></p>
    <details id="shortcuts" class="shortcuts no-print" open>
      <summary>键盘操作</summary>
      <dl>
        ${SHORTCUTS.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${what}</dd>`,
        )}
      </dl>
    </details>`;
}

export function hallPage(context: PageContext, user: HallUser | null): string {
  return layout({
    title: '政务服务大厅窗口',
    context,
    current: 'hall',
    account: accountArea(user, '/hall'),
    main: user ? signedInMain() : signedOutMain(),
    scripts: user ? ['hall.js'] : [],
  });
}
