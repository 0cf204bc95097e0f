import { byId, h, replace } from './dom';
import { graphql, PUBLIC_ENDPOINT } from './graphql-client';
import {
  OBJECTION_PROGRESS,
  OBJECTION_STATUS_TEXT,
  ObjectionProgress,
  REPAIR_PROGRESS,
  REPAIR_STATUS_TEXT,
  RepairProgress,
} from './operations';

/**
 * The public progress page (/hall/repair-progress): number and code, asked of the gateway as the
 * public. A GSYY-… number is an objection (objectionProgress), a GSXF-… number a repair (repairProgress).
 */
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

const error = (text: string) => replace(result, h('p', { class: 'error', role: 'alert' }, text));

async function lookUp(): Promise<void> {
  const caseNumber = numberInput.value.trim().toUpperCase();
  const queryCode = codeInput.value.trim();
  if (!caseNumber || !queryCode || caseNumber.length > MAX_FIELD || queryCode.length > MAX_FIELD) {
    error(`请输入受理编号和查询码（各至多 ${MAX_FIELD} 个字符）`);
    return;
  }
  const objection = caseNumber.startsWith('GSYY-');
  if (!objection && !caseNumber.startsWith('GSXF-')) {
    error('受理编号应以 GSXF-（信用修复）或 GSYY-（异议）开头，请按受理回执填写');
    return;
  }
  replace(result, h('p', { role: 'status' }, '正在查询…'));
  const progress = objection
    ? await objectionProgress(caseNumber, queryCode)
    : await repairProgress(caseNumber, queryCode);
  if ('failure' in progress) {
    error(`查询失败：${progress.failure}`);
    return;
  }
  const { found, statusText } = progress;
  const facts: [string, string | null][] = [
    ['受理编号', found.caseNumber],
    ['事项', objection ? '异议' : '信用修复'],
    ['状态', statusText[found.status] ?? found.status],
    ['申请日期', found.submittedOn],
    ['受理期限', found.intakeDueOn],
    [objection ? '核查决定期限' : '决定期限', found.decisionDueOn],
    ['办结日期', found.closedOn],
    ['超期', found.overdue ? '已超期' : '否'],
    ['下一步', found.nextStep],
  ];
  replace(
    result,
    h(
      'dl',
      {
        class: 'facts',
        id: 'progress-facts',
        'data-status': found.status,
        'data-kind': objection ? 'OBJECTION' : 'REPAIR',
      },
      ...facts.flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text ?? '—')]),
    ),
  );
}

type Answer = { found: RepairProgress | ObjectionProgress; statusText: Record<string, string> } | { failure: string };

async function repairProgress(caseNumber: string, queryCode: string): Promise<Answer> {
  const answer = await graphql<{ repairProgress: RepairProgress | null }>(PUBLIC_ENDPOINT, REPAIR_PROGRESS, {
    caseNumber,
    queryCode,
  });
  const found = answer.data?.repairProgress;
  return found
    ? { found, statusText: REPAIR_STATUS_TEXT }
    : { failure: answer.errors[0]?.message ?? `HTTP ${answer.status}` };
}

async function objectionProgress(caseNumber: string, queryCode: string): Promise<Answer> {
  const answer = await graphql<{ objectionProgress: ObjectionProgress | null }>(PUBLIC_ENDPOINT, OBJECTION_PROGRESS, {
    caseNumber,
    queryCode,
  });
  const found = answer.data?.objectionProgress;
  return found
    ? { found, statusText: OBJECTION_STATUS_TEXT }
    : { failure: answer.errors[0]?.message ?? `HTTP ${answer.status}` };
}
