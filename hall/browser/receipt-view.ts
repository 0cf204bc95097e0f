import { h } from './dom';
import type { RepairReceipt } from './operations';

/** A query code as printed: XXXX-XXXX. */
export const printedCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** 受理回执 (repair or objection, the twin receipts): the facts, shown once with the query code. */
export function receiptView(
  title: string,
  receipt: RepairReceipt,
  statusText: Record<string, string>,
  decisionLabel: string,
): HTMLElement[] {
  const facts: [string, string][] = [
    ['受理编号', receipt.caseNumber],
    ['查询码', printedCode(receipt.queryCode)],
    ['申请时间', new Date(receipt.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })],
    ['状态', statusText[receipt.status] ?? receipt.status],
    ['受理期限', `${receipt.intakeDueOn} 前 (${receipt.intakeWorkingDays} 个工作日)`],
    [decisionLabel, `受理后 ${receipt.decisionWorkingDays} 个工作日内，最迟 ${receipt.decisionDueOnAtLatest}`],
    ['时限依据', receipt.deadlineSource],
    ['下一步', receipt.nextStep],
  ];
  return [
    h('h1', {}, title),
    h(
      'dl',
      { class: 'facts', id: 'receipt-facts' },
      ...facts.flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text)]),
    ),
    ...(receipt.provisional ? [h('p', {}, '期限按暂定节假日安排推算，国务院通知发布后以重新计算的为准。')] : []),
    h(
      'p',
      {},
      '凭受理编号和查询码在本平台“办理进度”页面 (/hall/repair-progress) 查询办理进度。查询码仅在本回执上显示一次，请妥善保管，勿告知他人。',
    ),
  ];
}
