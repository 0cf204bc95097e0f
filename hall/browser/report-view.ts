import { h, replace } from './dom';
import type { IssuedReport } from './operations';
import { VERDICT_TEXT } from './verdict';

/** Issues the report for the subject and matter on screen; resolves to the report or an error message. */
export type IssueReport = (purpose: string) => Promise<IssuedReport | string>;

export const MAX_PURPOSE_LENGTH = 200;

const time = (iso: string): string =>
  iso
    .replace('T', ' ')
    .replace(/\.\d+Z$|Z$/, '')
    .slice(0, 16);

/**
 * 出具信用审查报告 for the matter on screen: the purpose, one button, then the number, the
 * verification code, the validity, 下载 (the signed PDF) and 打印.
 */
export function reportView(matter: string, issue: IssueReport): HTMLElement {
  const purpose = h('input', {
    id: 'report-purpose',
    type: 'text',
    maxlength: String(MAX_PURPOSE_LENGTH),
    autocomplete: 'off',
    placeholder: '例如：政府采购项目资格审查',
  });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'issue-report' }, '出具信用审查报告');
  const result = h('div', { id: 'report-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'report-form', class: 'report-form no-print' },
    h('p', {}, '办理事项：', h('strong', {}, matter)),
    h('label', { for: purpose.id }, '报告用途（可选）'),
    purpose,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(result, h('p', { role: 'status' }, '正在出具报告…'));
    void issue(purpose.value.trim()).then((answer) => {
      submit.disabled = false;
      if (typeof answer === 'string') {
        replace(result, h('p', { class: 'error', role: 'alert' }, `未能出具报告：${answer}`));
        return;
      }
      replace(result, issued(answer));
      document.getElementById('report-download')?.focus();
    });
  });
  return h(
    'section',
    { class: 'report', 'aria-labelledby': 'report-title' },
    h('h2', { id: 'report-title' }, '信用审查报告'),
    form,
    result,
  );
}

function issued(report: IssuedReport): HTMLElement {
  const print = h('button', { type: 'button', id: 'report-print' }, '打印本页');
  print.addEventListener('click', () => window.print());
  const rows: [string, string][] = [
    ['报告编号', report.number],
    ['核验码', report.verificationCode],
    ['出具时间', time(report.issuedAt)],
    ['有效期至', time(report.validUntil)],
    ['比对结论', report.verdict ? VERDICT_TEXT[report.verdict].title : '无法比对'],
  ];
  return h(
    'div',
    { class: 'issued', id: 'issued-report' },
    h('p', { class: 'issued-title', role: 'status' }, '报告已出具'),
    h(
      'dl',
      { class: 'facts' },
      ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', { 'data-field': term }, value)]),
    ),
    h(
      'p',
      { class: 'actions no-print' },
      h(
        'a',
        { class: 'button primary', id: 'report-download', href: report.downloadUrl, download: `${report.number}.pdf` },
        '下载 PDF',
      ),
      h('a', { class: 'button', href: report.downloadUrl, target: '_blank', rel: 'noopener' }, '打开 PDF 打印'),
      print,
      h('a', { class: 'button', href: report.verifyUrl, target: '_blank', rel: 'noopener' }, '核验页面'),
    ),
  );
}
