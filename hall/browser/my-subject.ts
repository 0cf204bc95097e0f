import { maskPersonId } from '../../shared/identifiers/person-id';
import { chinaTime } from './china-time';
import { DecisionKind, downloadDecision } from './decision-download';
import { byId, h, replace } from './dom';
import { errorsAt, graphql, GraphQLError, HALL_ENDPOINT } from './graphql-client';
import { label } from './labels';
import { actionCard, licenseCard, penaltyCard, renderEvaluation, renderListEntries } from './my-records';
import {
  MY_ACTIONS,
  MY_LICENSES,
  MY_PENALTIES,
  MY_SUBJECT,
  MyAction,
  MyCase,
  MyLicense,
  MyPenalty,
  MySubject,
  OBJECTION_STATUS_TEXT,
  ObjectionReceipt,
  REPAIR_STATUS_TEXT,
} from './operations';
import { pagedList } from './paged-list';
import { receiptView } from './receipt-view';
import type { ObjectionContext } from './record-card';
import { unavailable } from './unavailable';

/**
 * 我的信用 (/hall/my): the subject signed in as itself, through the hall's proxy — its profile, its
 * objection and repair cases, its district evaluation, all of its list entries, and every penalty,
 * licence and other action of its own, 20 a page; 提出异议 on each record (one form, objection-form.ts;
 * the receipt shown here once, printable), and each decided case's 决定书 to download. The parts are
 * other subgraphs' and asked apart where they page: each section renders, or says why it cannot, on its own.
 */
const profile = byId('my-profile');
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
/** The objection cases as last read (null: not answered), for each record's 已提出异议 note. */
let openObjections: MyCase[] | null = null;
/** The numbers of the records read so far, by id: a case names its record, which may be on another page. */
const recordNo = new Map<string, string>();

const objectionContext: ObjectionContext = {
  openCase: (target) =>
    openObjections?.find(
      (c) => c.target === target.kind && c.targetId === target.id && OPEN_OBJECTION.includes(c.status),
    ),
  filed: showReceipt,
};

const penaltyList = pagedList<MyPenalty>({
  slot: byId('my-penalties'),
  name: 'penalties',
  query: MY_PENALTIES,
  field: 'penalties',
  what: '行政处罚信息',
  none: '本主体没有行政处罚信息。',
  card: (penalty) => penaltyCard(penalty, objectionContext),
  seen: (read) => read.forEach((penalty) => recordNo.set(penalty.id, penalty.decisionNo)),
});
const licenseList = pagedList<MyLicense>({
  slot: byId('my-licenses'),
  name: 'licenses',
  query: MY_LICENSES,
  field: 'licenses',
  what: '行政许可信息',
  none: '本主体没有行政许可信息。',
  card: (license) => licenseCard(license, objectionContext),
  seen: (read) => read.forEach((license) => recordNo.set(license.id, license.licenseNo)),
});
const actionList = pagedList<MyAction>({
  slot: byId('my-actions'),
  name: 'actions',
  query: MY_ACTIONS,
  field: 'actions',
  what: '其他行政行为信息',
  none: '本主体没有其他行政行为信息。',
  card: (action) => actionCard(action, objectionContext),
  seen: (read) => read.forEach((action) => recordNo.set(action.id, action.documentNo)),
});

byId('receipt-print').addEventListener('click', () => window.print());
byId('receipt-close').addEventListener('click', () => {
  receiptSection.hidden = true;
  receiptActions.hidden = true;
  replace(receiptSection);
  document.body.classList.remove('print-receipt');
});

void load();

/** The profile, cases, evaluation and list entries, and the page of each record list shown: reloaded after an objection is filed. */
async function load(): Promise<void> {
  const [answer, penaltyPage, licensePage, actionPage] = await Promise.all([
    graphql<{ mySubject: MySubject | null }>(HALL_ENDPOINT, MY_SUBJECT, {}),
    penaltyList.read(),
    licenseList.read(),
    actionList.read(),
  ]);
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
  openObjections = mine.objectionCases;
  for (const entry of mine.listEntries ?? []) recordNo.set(entry.id, entry.decisionNo);
  renderEvaluation(
    byId('my-evaluation'),
    mine,
    mine.creditEvaluation,
    errorsAt(answer.errors, 'mySubject', 'creditEvaluation'),
    objectionContext,
  );
  renderListEntries(
    byId('my-list-entries'),
    mine.listEntries,
    errorsAt(answer.errors, 'mySubject', 'listEntries'),
    objectionContext,
  );
  penaltyList.show(penaltyPage);
  licenseList.show(licensePage);
  actionList.show(actionPage);
  renderCases(objections, 'OBJECTION', mine.objectionCases, errorsAt(answer.errors, 'mySubject', 'objectionCases'));
  renderCases(repairs, 'REPAIR', mine.repairCases, errorsAt(answer.errors, 'mySubject', 'repairCases'));
}

function renderProfile(mine: MySubject): void {
  replace(
    profile,
    h(
      'dl',
      { class: 'facts subject-facts', id: 'subject-facts' },
      h('dt', {}, '名称'),
      h('dd', { 'data-term': '名称' }, mine.name),
      ...(mine.kind === 'NATURAL_PERSON'
        ? [
            h('dt', {}, '主体类别'),
            h('dd', { 'data-term': '主体类别' }, '自然人'),
            // Masked on the screen, as a hall window shows it to whoever stands behind.
            h('dt', {}, '身份证件号码'),
            h('dd', { 'data-term': '证件号码' }, mine.idNumber ? maskPersonId(mine.idNumber) : '—'),
          ]
        : [h('dt', {}, '统一社会信用代码'), h('dd', { 'data-term': '代码' }, mine.uscc ?? '—')]),
    ),
  );
}

/** 对象 of a case: the kind and, but for the evaluation, the record's number as the pages read it. */
function caseRecord(c: MyCase): string {
  const kind = label('ObjectionTarget', c.target);
  return c.target === 'EVALUATION' ? kind : `${kind} ${recordNo.get(c.targetId) ?? ''}`.trim();
}

function renderCases(slot: HTMLElement, kind: DecisionKind, list: MyCase[] | null, errors: GraphQLError[]): void {
  if (list === null) {
    replace(slot, unavailable(kind === 'OBJECTION' ? '异议案件' : '信用修复案件', errors));
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
            h('td', { 'data-term': '对象' }, caseRecord(c)),
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
