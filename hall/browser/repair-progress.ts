import { byId, h, replace } from './dom';
import { graphql, PUBLIC_ENDPOINT } from './graphql-client';
import { REPAIR_PROGRESS, REPAIR_STATUS_TEXT, RepairProgress } from './operations';

/** The public progress page (/hall/repair-progress): number and code, asked of the gateway as the public. */
const MAX_FIELD = 32;

const form = byId<HTMLFormElement>('progress-form');
const numberInput = byId<HTMLInputElement>('progress-number');
const codeInput = byId<HTMLInputElement>('progress-code');
const result = byId('progress-result');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void lookUp();
});
(numberInput.value ? codeInput : numberInput).focus();

async function lookUp(): Promise<void> {
  const caseNumber = numberInput.value.trim();
  const queryCode = codeInput.value.trim();
  if (!caseNumber || !queryCode || caseNumber.length > MAX_FIELD || queryCode.length > MAX_FIELD) {
    replace(result, h('p', { class: 'error', role: 'alert' }, `请输入受理编号和查询码（各至多 ${MAX_FIELD} 个字符）`));
    return;
  }
  replace(result, h('p', { role: 'status' }, '正在查询…'));
  const answer = await graphql<{ repairProgress: RepairProgress | null }>(PUBLIC_ENDPOINT, REPAIR_PROGRESS, {
    caseNumber,
    queryCode,
  });
  const progress = answer.data?.repairProgress;
  if (!progress) {
    replace(
      result,
      h('p', { class: 'error', role: 'alert' }, `查询失败：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`),
    );
    return;
  }
  const facts: [string, string | null][] = [
    ['受理编号', progress.caseNumber],
    ['状态', REPAIR_STATUS_TEXT[progress.status] ?? progress.status],
    ['申请日期', progress.submittedOn],
    ['受理期限', progress.intakeDueOn],
    ['决定期限', progress.decisionDueOn],
    ['办结日期', progress.closedOn],
    ['超期', progress.overdue ? '已超期' : '否'],
    ['下一步', progress.nextStep],
  ];
  replace(
    result,
    h(
      'dl',
      { class: 'facts', id: 'progress-facts', 'data-status': progress.status },
      ...facts.flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text ?? '—')]),
    ),
  );
}
