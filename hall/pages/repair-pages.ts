import type { HallUser } from '../auth/session';
import { accountArea } from './hall-page';
import { html } from './html';
import { layout, PageContext } from './layout';

/** Bounded before it is echoed into the form: a case number and a query code are short. */
const MAX_PREFILL = 32;

const prefill = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_PREFILL) : '');

const signInNeeded = (returnTo: string) =>
  html`<section class="sign-in-needed">
    <h1>窗口受理信用修复申请</h1>
    <p>受理信用修复申请、打印受理回执，须先以窗口工作人员身份登录。</p>
    <p>
      <a class="button primary huge" href="/auth/login?return=${encodeURIComponent(returnTo)}">登录</a>
    </p>
  </section>`;

/**
 * `/hall/repair-intake`: the clerk takes an application in person (the identity checked
 * at the window), through the hall's proxy as the signed-in clerk (takeRepairApplication).
 */
export function repairIntakePage(context: PageContext, user: HallUser | null): string {
  const returnTo = '/hall/repair-intake';
  return layout({
    title: '窗口受理信用修复申请',
    context,
    current: 'hall',
    account: accountArea(user, returnTo),
    main: user
      ? html`<h1>窗口受理信用修复申请</h1>
          <p>核验到场人身份证件后录入。提交前判定全部申请条件：不满足的，逐项说明原因，不予登记。</p>
          <form id="intake-form" class="verify-form intake-form" autocomplete="off">
            <fieldset>
              <legend>修复对象</legend>
              <label for="intake-kind">类别</label>
              <select id="intake-kind" name="kind">
                <option value="PENALTY">行政处罚信息</option>
                <option value="LIST_ENTRY">名单条目</option>
              </select>
              <label for="intake-target">行政处罚 / 名单条目 id</label>
              <input id="intake-target" name="target" type="text" maxlength="36" spellcheck="false" required />
              <label for="intake-reason">申请理由 / 整改情况</label>
              <textarea id="intake-reason" name="reason" maxlength="2000" required></textarea>
              <label for="intake-commitment">信用修复承诺书 id</label>
              <input id="intake-commitment" name="commitment" type="text" maxlength="36" spellcheck="false" />
              <label for="intake-fulfilment">履行法定义务的证明 (罚款缴纳凭证等)</label>
              <textarea id="intake-fulfilment" name="fulfilment" maxlength="2000"></textarea>
            </fieldset>
            <fieldset>
              <legend>身份核验</legend>
              <label for="intake-capacity">到场人身份</label>
              <select id="intake-capacity" name="capacity">
                <option value="LEGAL_REPRESENTATIVE">法定代表人 (负责人)</option>
                <option value="PERSON">本人 (自然人)</option>
                <option value="AGENT">受托代理人</option>
              </select>
              <label for="intake-name">到场人姓名</label>
              <input id="intake-name" name="name" type="text" maxlength="64" required />
              <label for="intake-doc-type">证件类型</label>
              <select id="intake-doc-type" name="documentType">
                <option value="RESIDENT_ID">居民身份证</option>
                <option value="PASSPORT">护照</option>
                <option value="HK_MACAO_PERMIT">港澳居民来往内地通行证</option>
                <option value="TAIWAN_PERMIT">台湾居民来往大陆通行证</option>
                <option value="FOREIGN_PERMANENT_RESIDENT">外国人永久居留身份证</option>
              </select>
              <label for="intake-doc-number">证件号码 (只保存脱敏后的号码)</label>
              <input
                id="intake-doc-number"
                name="documentNumber"
                type="text"
                maxlength="32"
                spellcheck="false"
                required
              />
              <label for="intake-poa">授权委托书编号 (受托代理人)</label>
              <input id="intake-poa" name="powerOfAttorneyRef" type="text" maxlength="100" />
            </fieldset>
            <button type="submit" class="primary">受理并打印回执</button>
          </form>
          <section id="intake-result" aria-live="assertive"></section>`
      : signInNeeded(returnTo),
    scripts: user ? ['repair-intake.js'] : [],
  });
}

/**
 * `/hall/repair-receipt`: the 受理回执 for printing. The receipt (with its query code, shown
 * once) is handed over from the intake page in this tab's sessionStorage, read once and
 * removed: it never travels in an address, a log or a cache.
 */
export function repairReceiptPage(context: PageContext, user: HallUser | null): string {
  return layout({
    title: '信用修复受理回执',
    context,
    current: 'hall',
    account: accountArea(user, '/hall/repair-intake'),
    main: html`<section id="receipt" class="receipt" aria-live="polite">
        <p role="status">正在读取受理回执…</p>
      </section>
      <p class="no-print">
        <button type="button" id="receipt-print" class="primary">打印回执</button>
        <a class="button" href="/hall/repair-intake">受理下一件</a>
      </p>`,
    scripts: ['repair-receipt.js'],
  });
}

/**
 * `/hall/repair-progress`: public, no sign-in — the case number and query code of the receipt, a
 * repair's (GSXF-…) or an objection's (GSYY-…).
 */
export function repairProgressPage(context: PageContext, query: Record<string, unknown>): string {
  return layout({
    title: '办理进度查询',
    context,
    current: 'progress',
    main: html`<h1>信用修复、异议办理进度查询</h1>
      <p>
        输入受理回执上的受理编号（信用修复 GSXF-…，异议 GSYY-…）和查询码。只显示办理状态、期限和下一步；查询码连续输错 5
        次，该案件 15 分钟内不再应答。
      </p>
      <form id="progress-form" class="verify-form" autocomplete="off">
        <label for="progress-number">受理编号</label>
        <input
          id="progress-number"
          name="number"
          type="text"
          maxlength="${String(MAX_PREFILL)}"
          spellcheck="false"
          value="${prefill(query.number)}"
          placeholder="GSXF-… 或 GSYY-…"
          required
        />
        <label for="progress-code">查询码</label>
        <input
          id="progress-code"
          name="code"
          type="text"
          maxlength="${String(MAX_PREFILL)}"
          spellcheck="false"
          required
        />
        <button type="submit" class="primary">查询</button>
      </form>
      <section id="progress-result" aria-live="assertive"></section>`,
    scripts: ['repair-progress.js'],
  });
}
