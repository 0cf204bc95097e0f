import { byId, h, replace } from './dom';
import { graphql, PUBLIC_ENDPOINT } from './graphql-client';
import { DecisionVerification, ReportVerification, VERIFY_CREDIT_REPORT, VERIFY_DECISION_DOCUMENT } from './operations';
import { VERDICT_TEXT } from './verdict';

/**
 * The public verification page (/verify): the number and code printed on a report (prefilled
 * from the report's QR link, ?number=&code=) are checked by the gateway as the public. Optionally
 * the PDF itself: its SHA-256 is computed here, in the browser (the file is never uploaded), and
 * compared with what was issued. Only the report's summary is shown. A 决定书 (GSJD number: a
 * 信用修复决定书 or 异议处理决定书, printed with the same kind of QR link) is checked the same way.
 */
const MAX_FIELD = 64;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const form = byId<HTMLFormElement>('verify-form');
const numberInput = byId<HTMLInputElement>('verify-number');
const codeInput = byId<HTMLInputElement>('verify-code');
const fileInput = byId<HTMLInputElement>('verify-file');
const result = byId('verify-result');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void verify();
});
// Opened from the QR code: both fields are there, so the answer comes without a click.
if (numberInput.value && codeInput.value) void verify();
else numberInput.focus();

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function check(ok: boolean | null, yes: string, no: string, unknown: string): HTMLElement {
  const state = ok === null ? 'unknown' : ok ? 'yes' : 'no';
  return h(
    'li',
    { class: `check check-${state}`, 'data-check': state },
    h('span', { class: 'check-mark', 'aria-hidden': 'true' }, ok === null ? '?' : ok ? '✓' : '✗'),
    ok === null ? unknown : ok ? yes : no,
  );
}

async function verify(): Promise<void> {
  const number = numberInput.value.trim();
  const verificationCode = codeInput.value.trim();
  if (!number || !verificationCode || number.length > MAX_FIELD || verificationCode.length > MAX_FIELD) {
    replace(result, h('p', { class: 'error', role: 'alert' }, `请输入报告编号和核验码（各至多 ${MAX_FIELD} 个字符）`));
    return;
  }
  const file = fileInput.files?.[0] ?? null;
  if (file && file.size > MAX_FILE_BYTES) {
    replace(result, h('p', { class: 'error', role: 'alert' }, '文件过大，不是本平台出具的报告'));
    return;
  }
  if (file && !globalThis.crypto?.subtle) {
    replace(
      result,
      h('p', { class: 'error', role: 'alert' }, '本浏览器在非 HTTPS 连接下无法计算文件哈希：请仅按编号和核验码核验'),
    );
    return;
  }
  replace(result, h('p', { role: 'status' }, '正在核验…'));
  const sha256 = file ? await sha256Of(file) : null;
  const checked = /^GSJD/i.test(number)
    ? await checkDecision({ number, verificationCode, sha256 })
    : await checkReport({ number, verificationCode, sha256 });
  if ('error' in checked) {
    replace(result, h('p', { class: 'error', role: 'alert' }, `核验失败：${checked.error}`));
    return;
  }
  replace(
    result,
    h(
      'div',
      { class: `verification ${checked.genuine ? 'genuine' : 'not-genuine'}`, 'data-genuine': String(checked.genuine) },
      h(
        'h2',
        { tabindex: '-1', id: 'verify-title' },
        checked.genuine ? '核验结果：真实' : `核验结果：未找到该${checked.noun}或核验码不符`,
      ),
      h(
        'ul',
        { class: 'checks' },
        check(checked.genuine, '真实：本平台出具', '不真实：编号与核验码不符', '—'),
        // Whether a file is unaltered or a report valid says nothing about a document that is not genuine.
        checked.genuine
          ? check(
              checked.unaltered,
              '未被篡改：文件与出具时一致',
              '已被篡改：文件与出具时不一致',
              '未核对文件（可选择 PDF 文件核对）',
            )
          : null,
        checked.genuine && checked.valid !== undefined
          ? check(checked.valid, '有效：在有效期内', '已失效：超出有效期', '—')
          : null,
      ),
      checked.genuine
        ? h(
            'dl',
            { class: 'facts' },
            ...checked.summary.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]),
          )
        : null,
    ),
  );
  byId('verify-title').focus();
}

interface Asked {
  number: string;
  verificationCode: string;
  sha256: string | null;
}

/** What the page shows of a genuine document, or why nothing could be checked. */
type Checked =
  | {
      genuine: boolean;
      unaltered: boolean | null;
      /** A report's validity; a decision has none. */
      valid?: boolean;
      noun: string;
      summary: [string, string | null][];
    }
  | { error: string };

async function checkReport(asked: Asked): Promise<Checked> {
  const answer = await graphql<{ verifyCreditReport: ReportVerification | null }>(
    PUBLIC_ENDPOINT,
    VERIFY_CREDIT_REPORT,
    { ...asked },
  );
  const report = answer.data?.verifyCreditReport;
  if (!report) return { error: answer.errors[0]?.message ?? `HTTP ${answer.status}` };
  return {
    genuine: report.genuine,
    unaltered: report.unaltered,
    valid: report.valid,
    noun: '报告',
    summary: [
      ['报告编号', report.number],
      [
        '出具单位',
        report.issuer?.name ?? (report.requestedBySubject ? '姑苏区公共信用信息平台（信用主体本人自助出具）' : null),
      ],
      ['信用主体', report.subject ? `${report.subject.name}（${report.subject.uscc ?? '—'}）` : null],
      ['办理事项', report.matter],
      ['比对结论', report.verdict ? VERDICT_TEXT[report.verdict].title : null],
      ['出具时间', report.issuedAt],
      ['有效期至', report.validUntil],
    ],
  };
}

const DECISION_TITLE = { REPAIR: '信用修复决定书', OBJECTION: '异议处理决定书' } as const;

async function checkDecision(asked: Asked): Promise<Checked> {
  const answer = await graphql<{ verifyDecisionDocument: DecisionVerification | null }>(
    PUBLIC_ENDPOINT,
    VERIFY_DECISION_DOCUMENT,
    { ...asked },
  );
  const decision = answer.data?.verifyDecisionDocument;
  if (!decision) return { error: answer.errors[0]?.message ?? `HTTP ${answer.status}` };
  return {
    genuine: decision.genuine,
    unaltered: decision.unaltered,
    noun: '决定书',
    summary: [
      ['决定书编号', decision.number],
      ['文书', decision.kind ? DECISION_TITLE[decision.kind] : null],
      ['受理编号', decision.caseNumber],
      ['信用主体', decision.subject ? `${decision.subject.name}（${decision.subject.uscc ?? '—'}）` : null],
      ['决定', decision.decision],
      ['出具时间', decision.issuedAt],
    ],
  };
}
