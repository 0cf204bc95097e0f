import type { HallUser } from '../auth/session';
import { accountArea } from './hall-page';
import { html, Html } from './html';
import { layout, PageContext } from './layout';

const RETURN_TO = '/hall/my';
/** The role of a subject signing in as itself (docs/ACCESS.md): it stands alone, no org. */
const SUBJECT_ROLE = 'subject';

export const isSubject = (user: HallUser): boolean => user.roles.includes(SUBJECT_ROLE);

function signedOut(): Html {
  return html`<section class="sign-in-needed">
    <h1>信用主体服务 · 我的信用</h1>
    <p>
      企业、个人以信用主体本人身份（政务服务统一身份认证）登录后，查看本主体的公共信用综合评价、名单条目、行政处罚、行政许可和其他行政行为信息，提出异议，查询异议和信用修复案件，下载决定书和本主体的信用报告。
    </p>
    <p>
      <a class="button primary huge" id="sign-in-main" href="/auth/login?return=${encodeURIComponent(RETURN_TO)}"
        >登录</a
      >
    </p>
  </section>`;
}

function staffOnly(): Html {
  return html`<section class="sign-in-needed" id="not-a-subject">
    <h1>信用主体服务 · 我的信用</h1>
    <p class="warning" role="alert">本页面供信用主体本人（企业、个人）登录后使用；当前登录的是工作人员账号。</p>
    <p>工作人员请在窗口页面查询主体信用、受理信用修复申请。</p>
    <p>
      <a class="button primary" href="/hall">转到窗口</a> <a class="button" href="/auth/logout">退出后以信用主体登录</a>
    </p>
  </section>`;
}

function subjectMain(): Html {
  return html`<h1>信用主体服务 · 我的信用</h1>
    <section id="my-profile" class="my-profile" aria-live="polite"><p role="status">正在读取本主体信息…</p></section>
    <section id="objection-receipt" class="receipt" aria-live="assertive" hidden></section>
    <p id="receipt-actions" class="no-print" hidden>
      <button type="button" id="receipt-print" class="primary">打印回执</button>
      <button type="button" id="receipt-close">关闭回执</button>
    </p>
    <p id="download-status" class="no-print" aria-live="polite"></p>
    ${myReport()}
    <section class="my-section" aria-labelledby="objections-title">
      <h2 id="objections-title">异议案件</h2>
      <div id="my-objections"></div>
    </section>
    <section class="my-section" aria-labelledby="repairs-title">
      <h2 id="repairs-title">信用修复案件</h2>
      <div id="my-repairs"></div>
    </section>
    <section class="my-section" aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">公共信用综合评价</h2>
      <p class="hint">
        本区公共信用综合评价模型对本主体的评价结果。认为评价所依据的信息有误、遗漏的，可提出异议，由区信用办核查；异议成立的，按更正后的信息重新评价。
      </p>
      <div id="my-evaluation"></div>
    </section>
    <section class="my-section" aria-labelledby="list-entries-title">
      <h2 id="list-entries-title">名单条目</h2>
      <p class="hint">
        本主体的全部红名单、黑名单、重点关注名单条目（含尚未公示、已移出的）。对已公示的条目有异议的，由认定部门核查决定。
      </p>
      <div id="my-list-entries"></div>
    </section>
    <section class="my-section" aria-labelledby="penalties-title">
      <h2 id="penalties-title">行政处罚信息</h2>
      <p class="hint">
        本主体的全部行政处罚信息（含不公示、已修复、已撤销的）。认为信息有误或不应公示的，可在“提出异议”中说明理由和证明材料，由报送信息的部门核查决定。
      </p>
      <div id="my-penalties"></div>
    </section>
    <section class="my-section" aria-labelledby="licenses-title">
      <h2 id="licenses-title">行政许可信息</h2>
      <p class="hint">本主体的全部行政许可信息（含已无效的）。认为信息有误的，可提出异议，由报送信息的部门核查决定。</p>
      <div id="my-licenses"></div>
    </section>
    <section class="my-section" aria-labelledby="actions-title">
      <h2 id="actions-title">其他行政行为信息</h2>
      <p class="hint">
        行政强制、行政确认、行政征收、行政给付、行政裁决、行政补偿、行政奖励、监督检查等信息（含已撤回的）。认为信息有误的，可提出异议，由报送信息的部门核查决定。
      </p>
      <div id="my-actions"></div>
    </section> `;
}

/** 下载我的信用报告: the subject's own 公共信用信息报告, issued and downloaded by my-report.js. */
function myReport(): Html {
  return html`<section class="my-section no-print" aria-labelledby="my-report-title">
    <h2 id="my-report-title">我的信用报告</h2>
    <p class="hint">出具本主体的公共信用信息报告（PDF，平台数字签名；可凭报告编号和核验码在“报告核验”页面核验）。</p>
    <p>
      <label for="my-report-purpose">用途（选填）</label>
      <input id="my-report-purpose" maxlength="200" autocomplete="off" />
      <button type="button" id="my-report-download" class="primary">下载我的信用报告</button>
    </p>
    <p id="my-report-status" aria-live="polite"></p>
  </section>`;
}

/**
 * `/hall/my` (信用主体服务 / 我的信用): the subject signed in as itself reads its own profile, evaluation,
 * list entries, penalties, licences and other actions (mySubject), objects to any of them (fileObjection,
 * the receipt shown once and printable), follows
 * its objection and repair cases, downloads each decided case's 决定书 (issueDecisionDocument) and its own
 * 公共信用信息报告 (issueMyCreditReport) — all through the hall's proxy as itself. Staff signed in are
 * told the page is for subjects.
 */
export function subjectPage(context: PageContext, user: HallUser | null): string {
  const subject = user !== null && isSubject(user);
  return layout({
    title: '我的信用',
    context,
    current: 'my',
    account: accountArea(user, RETURN_TO),
    main: user === null ? signedOut() : subject ? subjectMain() : staffOnly(),
    scripts: subject ? ['my-subject.js', 'my-report.js'] : [],
  });
}
