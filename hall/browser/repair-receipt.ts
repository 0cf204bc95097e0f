import { byId, h, replace } from './dom';
import { REPAIR_STATUS_TEXT } from './operations';
import { takeReceipt } from './repair-receipt-store';

/** The printable 受理回执 (/hall/repair-receipt): what the intake page handed over, shown once. */
const receipt = takeReceipt();
const section = byId('receipt');
byId('receipt-print').addEventListener('click', () => window.print());

if (!receipt) {
  replace(
    section,
    h(
      'p',
      { class: 'error', role: 'alert' },
      '没有待打印的受理回执：查询码只在受理时显示一次，请从受理页面重新办理或查询进度。',
    ),
  );
} else {
  const code = `${receipt.queryCode.slice(0, 4)}-${receipt.queryCode.slice(4)}`;
  const facts: [string, string][] = [
    ['受理编号', receipt.caseNumber],
    ['查询码', code],
    ['申请时间', new Date(receipt.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })],
    ['状态', REPAIR_STATUS_TEXT[receipt.status] ?? receipt.status],
    ['受理期限', `${receipt.intakeDueOn} 前 (${receipt.intakeWorkingDays} 个工作日)`],
    ['决定期限', `受理后 ${receipt.decisionWorkingDays} 个工作日内，最迟 ${receipt.decisionDueOnAtLatest}`],
    ['时限依据', receipt.deadlineSource],
    ['下一步', receipt.nextStep],
  ];
  replace(
    section,
    h('h1', {}, '信用修复申请受理回执'),
    h(
      'dl',
      { class: 'facts', id: 'receipt-facts' },
      ...facts.flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text)]),
    ),
    receipt.provisional ? h('p', {}, '期限按暂定节假日安排推算，国务院通知发布后以重新计算的为准。') : null,
    h(
      'p',
      {},
      '凭受理编号和查询码在本平台“修复进度”页面 (/hall/repair-progress) 查询办理进度。查询码仅在本回执上显示一次，请妥善保管，勿告知他人。',
    ),
  );
}
