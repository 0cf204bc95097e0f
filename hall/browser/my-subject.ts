import { DecisionKind, downloadDecision } from './decision-download';
import { byId, h, replace } from './dom';
import { graphql, HALL_ENDPOINT } from './graphql-client';
import { objectionForm } from './objection-form';
import {
  MY_SUBJECT,
  MyCase,
  MyPenalty,
  MySubject,
  OBJECTION_STATUS_TEXT,
  ObjectionReceipt,
  REPAIR_STATUS_TEXT,
} from './operations';
import { receiptView } from './receipt-view';

/**
 * 我的信用 (/hall/my): the subject signed in as itself, through the hall's proxy — its profile and every
 * penalty of its own (mySubject), 提出异议 per penalty (the receipt shown here once, printable), its
 * objection and repair cases, and each decided case's 决定书 to download.
 */
const profile = byId('my-profile');
const penalties = byId('my-penalties');
const objections = byId('my-objections');
const repairs = byId('my-repairs');
const receiptSection = byId('objection-receipt');
const receiptActions = byId('receipt-actions');
const downloadStatus = byId('download-status');

/** Decided cases, whose 决定书 may be issued (reports subgraph: CASE_NOT_DECIDED otherwise). */
const DECIDED: Record<DecisionKind, string[]> = {
  OBJECTION: ['UPHELD', 'DISMISSED'],
  REPAIR: ['APPROVED', 'DENIED', 'REJECTED', 'REJECTED_AT_INTAKE'],
};
const OPEN_OBJECTION = ['SUBMITTED', 'ACCEPTED'];
const OUTCOME_TEXT: Record<string, string> = { WITHDRAWN: '撤回信息', CORRECTED: '更正信息' };

const chinaDate = (instant: string | Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
const chinaTime = (instant: string): string =>
  new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

byId('receipt-print').addEventListener('click', () => window.print());
byId('receipt-close').addEventListener('click', () => {
  receiptSection.hidden = true;
  receiptActions.hidden = true;
  replace(receiptSection);
  document.body.classList.remove('print-receipt');
});

void load();

async function load(): Promise<void> {
  const answer = await graphql<{ mySubject: MySubject | null }>(HALL_ENDPOINT, MY_SUBJECT, {});
  const mine = answer.data?.mySubject;
  if (!mine) {
    replace(
      profile,
      h(
        'p',
        { class: 'error', role: 'alert' },
        answer.status === 401
          ? '登录已过期，请重新登录。'
          : `未能读取本主体信息：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`,
      ),
    );
    return;
  }
  renderProfile(mine);
  const cases = mine.objectionCases ?? [];
  renderPenalties(mine.penalties.nodes, cases);
  const decisionNo = new Map(mine.penalties.nodes.map((p) => [p.id, p.decisionNo]));
  renderCases(objections, 'OBJECTION', mine.objectionCases, decisionNo);
  renderCases(repairs, 'REPAIR', mine.repairCases, decisionNo);
}

function renderProfile(mine: MySubject): void {
  replace(
    profile,
    h(
      'dl',
      { class: 'facts subject-facts', id: 'subject-facts' },
      h('dt', {}, '名称'),
      h('dd', { 'data-term': '名称' }, mine.name),
      h('dt', {}, mine.kind === 'NATURAL_PERSON' ? '主体类别' : '统一社会信用代码'),
      h('dd', { 'data-term': '代码' }, mine.uscc ?? '自然人'),
    ),
  );
}

function publicity(penalty: MyPenalty, today: string): string {
  if (penalty.revokedAt || penalty.repairedAt) return '不再公示';
  if (!penalty.published) return '不公示';
  if (penalty.decidedAt > today) return '尚未公示';
  return penalty.publicityEndsAt >= today ? `公示中（至 ${penalty.publicityEndsAt}）` : '公示期已满';
}

function standing(penalty: MyPenalty): string {
  if (penalty.revokedAt)
    return `已撤销（${chinaDate(penalty.revokedAt)}${penalty.revocationReason ? `：${penalty.revocationReason}` : ''}）`;
  if (penalty.repairedAt) return `已信用修复（${chinaDate(penalty.repairedAt)}）`;
  return '有效';
}

function renderPenalties(list: MyPenalty[], cases: MyCase[]): void {
  if (list.length === 0) {
    replace(penalties, h('p', { class: 'none' }, '本主体没有行政处罚信息。'));
    return;
  }
  const today = chinaDate(new Date());
  replace(
    penalties,
    h(
      'ul',
      { class: 'penalty-list' },
      ...list.map((penalty) => {
        const open = cases.find((c) => c.targetId === penalty.id && OPEN_OBJECTION.includes(c.status));
        const withdrawn = penalty.revokedAt !== null || penalty.repairedAt !== null;
        const shown = publicity(penalty, today);
        return h(
          'li',
          { class: 'penalty-card', 'data-penalty': penalty.id, 'data-public': String(shown.startsWith('公示中')) },
          h(
            'h3',
            {},
            penalty.decisionNo,
            penalty.objectionPending
              ? h('span', { class: 'badge badge-pending', 'data-badge': 'objection' }, '异议处理中')
              : null,
            withdrawn ? h('span', { class: 'badge badge-closed' }, penalty.revokedAt ? '已撤销' : '已修复') : null,
          ),
          h(
            'dl',
            { class: 'facts' },
            ...(
              [
                ['决定日期', penalty.decidedAt],
                ['处罚机关', penalty.authority?.name ?? '—'],
                ['处罚内容', penalty.content],
                ['公示', shown],
                ['状态', standing(penalty)],
              ] as [string, string][]
            ).flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text)]),
          ),
          open
            ? h('p', { class: 'note' }, `已提出异议（受理编号 ${open.caseNumber ?? '—'}），等待报送部门核查决定。`)
            : withdrawn
              ? null
              : objectionForm(penalty.id, showReceipt),
        );
      }),
    ),
  );
}

function renderCases(
  slot: HTMLElement,
  kind: DecisionKind,
  list: MyCase[] | null,
  decisionNo: Map<string, string>,
): void {
  if (list === null) {
    replace(slot, h('p', { class: 'unavailable' }, '暂不可用'));
    return;
  }
  if (list.length === 0) {
    replace(slot, h('p', { class: 'none' }, kind === 'OBJECTION' ? '没有异议案件。' : '没有信用修复案件。'));
    return;
  }
  const statusText = kind === 'OBJECTION' ? OBJECTION_STATUS_TEXT : REPAIR_STATUS_TEXT;
  const head = ['受理编号', '对象', '状态', '申请时间', '期限', '决定时间', '决定意见', '决定书'];
  replace(
    slot,
    h(
      'table',
      { class: 'cases', id: kind === 'OBJECTION' ? 'objection-cases' : 'repair-cases' },
      h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { scope: 'col' }, text)))),
      h(
        'tbody',
        {},
        ...list.map((c) => {
          const status = statusText[c.status] ?? c.status;
          const outcome = c.outcome ? `（${OUTCOME_TEXT[c.outcome] ?? c.outcome}）` : '';
          return h(
            'tr',
            { 'data-case': c.id, 'data-status': c.status, 'data-number': c.caseNumber ?? '' },
            h('td', { class: 'nowrap' }, c.caseNumber ?? '—'),
            h('td', {}, c.target === 'PENALTY' ? `行政处罚 ${decisionNo.get(c.targetId) ?? ''}` : '名单条目'),
            h('td', { 'data-term': '状态' }, h('strong', {}, status + outcome)),
            h('td', {}, chinaTime(c.submittedAt)),
            h(
              'td',
              { class: 'nowrap' },
              `受理 ${c.intakeDueOn ?? '—'}`,
              h('br'),
              `决定 ${c.decisionDueOn ?? '受理后起算'}`,
            ),
            h('td', {}, c.decidedAt ? chinaTime(c.decidedAt) : '—'),
            h('td', {}, c.decisionNote ?? '—'),
            h('td', {}, DECIDED[kind].includes(c.status) ? downloadButton(kind, c) : '—'),
          );
        }),
      ),
    ),
  );
}

function downloadButton(kind: DecisionKind, c: MyCase): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'download-decision', 'data-case': c.id }, '下载决定书');
  button.addEventListener('click', () => {
    button.disabled = true;
    downloadStatus.className = '';
    downloadStatus.textContent = '正在出具决定书…';
    void downloadDecision(kind, c.id).then((done) => {
      button.disabled = false;
      if (typeof done === 'string') {
        downloadStatus.className = 'error';
        downloadStatus.textContent = `未能下载决定书：${done}`;
      } else {
        downloadStatus.textContent = `已下载 ${done.filename}（决定书编号 ${done.number}）`;
      }
    });
  });
  return button;
}

function showReceipt(receipt: ObjectionReceipt): void {
  replace(receiptSection, ...receiptView('异议申请受理回执', receipt, OBJECTION_STATUS_TEXT, '核查决定期限'));
  receiptSection.hidden = false;
  receiptActions.hidden = false;
  document.body.classList.add('print-receipt');
  receiptSection.scrollIntoView({ block: 'start' });
  byId('receipt-print').focus();
  void load();
}
