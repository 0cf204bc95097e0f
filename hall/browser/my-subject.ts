import { maskPersonId } from '../../shared/identifiers/person-id';
import { DecisionKind, downloadDecision } from './decision-download';
import { byId, h, replace } from './dom';
import { errorsAt, graphql, GraphQLAnswer, GraphQLError, HALL_ENDPOINT } from './graphql-client';
import { objectionForm } from './objection-form';
import {
  MY_PENALTIES,
  MY_SUBJECT,
  MyCase,
  MyPenalty,
  MyPenaltyPage,
  MySubject,
  OBJECTION_STATUS_TEXT,
  ObjectionReceipt,
  REPAIR_STATUS_TEXT,
} from './operations';
import { receiptView } from './receipt-view';

/**
 * 我的信用 (/hall/my): the subject signed in as itself, through the hall's proxy — its profile and every
 * penalty of its own (mySubject), 20 a page, 提出异议 per penalty (the receipt shown here once, printable),
 * its objection and repair cases, and each decided case's 决定书 to download. The penalties and the cases
 * (another subgraph's) are asked apart: each section renders, or says why it cannot, on its own.
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
/** Penalties a page: the API's default page size. */
const PAGE_SIZE = 20;
/** The cursors of the penalty pages shown so far: 上一页 goes back one. */
let cursors: (string | null)[] = [null];
/** The objection cases as last read (null: not answered), for each penalty's 已提出异议 note. */
let openObjections: MyCase[] | null = null;
/** Decision numbers of the penalties read so far: a case's penalty may be on another page. */
const decisionNo = new Map<string, string>();

type PenaltyAnswer = GraphQLAnswer<{ mySubject: { penalties: MyPenaltyPage } | null }>;

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

/** The profile and cases, and the page of penalties shown: reloaded after an objection is filed. */
async function load(): Promise<void> {
  const [answer, page] = await Promise.all([
    graphql<{ mySubject: MySubject | null }>(HALL_ENDPOINT, MY_SUBJECT, {}),
    readPenalties(cursors[cursors.length - 1]),
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
  showPenalties(page);
  renderCases(objections, 'OBJECTION', mine.objectionCases, errorsAt(answer.errors, 'mySubject', 'objectionCases'));
  renderCases(repairs, 'REPAIR', mine.repairCases, errorsAt(answer.errors, 'mySubject', 'repairCases'));
}

function readPenalties(after: string | null): Promise<PenaltyAnswer> {
  return graphql(HALL_ENDPOINT, MY_PENALTIES, { first: PAGE_SIZE, after });
}

/** 上一页 / 下一页: the page asked for is shown once it has come; a failure leaves the page shown as it is. */
async function turn(to: (string | null)[], buttons: HTMLButtonElement[]): Promise<void> {
  for (const button of buttons) button.disabled = true;
  penalties.setAttribute('aria-busy', 'true');
  const page = await readPenalties(to[to.length - 1]);
  penalties.removeAttribute('aria-busy');
  if (!page.data?.mySubject) {
    for (const button of buttons) button.disabled = false;
    byId('penalties-count').textContent = `未能翻页：${page.errors[0]?.message ?? `HTTP ${page.status}`}`;
    return;
  }
  cursors = to;
  showPenalties(page);
  byId('penalties-count').focus();
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

/** Why a section is not shown: never "none" — the part is missing, not empty. */
function unavailable(what: string, errors: GraphQLError[]): HTMLElement {
  const why =
    errors[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
      ? '该部分数据服务暂时无法访问'
      : (errors[0]?.message ?? '未能取得数据');
  return h(
    'p',
    { class: 'unavailable', role: 'status', 'data-unavailable': what },
    h('strong', {}, `暂时无法显示${what}`),
    `：${why}，请稍后刷新本页（不代表没有记录）。`,
  );
}

function showPenalties(answer: PenaltyAnswer): void {
  const page = answer.data?.mySubject?.penalties;
  if (!page) {
    replace(penalties, unavailable('行政处罚信息', answer.errors));
    return;
  }
  for (const penalty of page.nodes) decisionNo.set(penalty.id, penalty.decisionNo);
  renderPenalties(page);
}

/** 共 N 条 and, past one page, 上一页 / 下一页. */
function pageControls(page: MyPenaltyPage): HTMLElement[] {
  const pages = Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE));
  const count = h(
    'p',
    { id: 'penalties-count', role: 'status', tabindex: '-1' },
    pages > 1 ? `共 ${page.totalCount} 条，第 ${cursors.length} / ${pages} 页` : `共 ${page.totalCount} 条`,
  );
  if (cursors.length === 1 && !page.pageInfo.hasNextPage) return [count];
  const previous = h('button', { type: 'button', id: 'penalties-previous', disabled: cursors.length === 1 }, '上一页');
  const next = h('button', { type: 'button', id: 'penalties-next', disabled: !page.pageInfo.hasNextPage }, '下一页');
  previous.addEventListener('click', () => void turn(cursors.slice(0, -1), [previous, next]));
  next.addEventListener('click', () => void turn([...cursors, page.pageInfo.endCursor], [previous, next]));
  return [count, h('p', { class: 'actions no-print', id: 'penalties-pager' }, previous, next)];
}

function renderPenalties(page: MyPenaltyPage): void {
  if (page.totalCount === 0) {
    replace(penalties, h('p', { class: 'none' }, '本主体没有行政处罚信息。'));
    return;
  }
  const today = chinaDate(new Date());
  const [count, ...pager] = pageControls(page);
  replace(
    penalties,
    count,
    h(
      'ul',
      { class: 'penalty-list' },
      ...page.nodes.map((penalty) => {
        const open = openObjections?.find((c) => c.targetId === penalty.id && OPEN_OBJECTION.includes(c.status));
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
              : penalty.objectionPending
                ? h('p', { class: 'note' }, '已提出异议，等待报送部门核查决定。')
                : objectionForm(penalty.id, showReceipt),
        );
      }),
    ),
    ...pager,
  );
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
