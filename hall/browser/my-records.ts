import { chinaDate, chinaTime } from './china-time';
import { h, replace } from './dom';
import type { GraphQLError } from './graphql-client';
import { label } from './labels';
import type { MyAction, MyEvaluation, MyLicense, MyListEntry, MyPenalty } from './operations';
import { ObjectionContext, recordCard } from './record-card';
import {
  actionStanding,
  licenseStanding,
  listEntryStanding,
  penaltyPublicity,
  penaltyStanding,
} from './record-standing';
import { unavailable } from './unavailable';

/**
 * The subject's own records on /hall/my, each kind as a card (record-card.ts: the 异议处理中 badge, the
 * withdrawn badge, the open case or 提出异议): penalties, licences, actions, list entries and the
 * district evaluation.
 */

export function penaltyCard(penalty: MyPenalty, context: ObjectionContext): HTMLElement {
  const shown = penaltyPublicity(penalty, chinaDate(new Date()));
  const standing = penaltyStanding(penalty);
  return recordCard(
    {
      target: { kind: 'PENALTY', id: penalty.id },
      attributes: {
        class: 'record-card penalty-card',
        'data-penalty': penalty.id,
        'data-public': String(shown.startsWith('公示中')),
      },
      title: [penalty.decisionNo],
      facts: [
        ['决定日期', penalty.decidedAt],
        ['处罚机关', penalty.authority?.name ?? '—'],
        ['处罚内容', penalty.content],
        ['公示', shown],
        ['状态', standing.text],
      ],
      standing,
      objectionPending: penalty.objectionPending,
    },
    context,
  );
}

export function licenseCard(license: MyLicense, context: ObjectionContext): HTMLElement {
  const standing = licenseStanding(license);
  const category = label('LicenseCategory', license.category);
  return recordCard(
    {
      target: { kind: 'LICENSE', id: license.id },
      attributes: { class: 'record-card license-card', 'data-license': license.id, 'data-status': license.status },
      title: [license.licenseNo],
      facts: [
        ['文书名称', license.documentName],
        ['许可证书', license.title ?? '—'],
        ['许可类别', license.categoryDetail ? `${category}（${license.categoryDetail}）` : category],
        ['许可内容', license.content],
        ['决定日期', license.decidedAt],
        ['有效期', license.validity],
        ['许可机关', license.authority?.name ?? '—'],
        ['状态', standing.text],
      ],
      standing,
      objectionPending: license.objectionPending,
    },
    context,
  );
}

export function actionCard(action: MyAction, context: ObjectionContext): HTMLElement {
  const standing = actionStanding(action);
  return recordCard(
    {
      target: { kind: 'ACTION', id: action.id },
      attributes: {
        class: 'record-card action-card',
        'data-action': action.id,
        'data-withdrawn': String(action.withdrawnAt !== null),
      },
      title: [action.documentNo],
      facts: [
        ['类别', label('ActionKind', action.actionKind)],
        ['行为名称', action.title],
        ['行为内容', action.content],
        ['决定日期', action.decidedAt],
        ['实施机关', action.authority?.name ?? '—'],
        ['状态', standing.text],
      ],
      standing,
      objectionPending: action.objectionPending,
    },
    context,
  );
}

function listEntryCard(entry: MyListEntry, context: ObjectionContext): HTMLElement {
  const standing = listEntryStanding(entry);
  const list = label('CreditList', entry.list);
  return recordCard(
    {
      target: { kind: 'LIST_ENTRY', id: entry.id },
      attributes: { class: 'record-card list-entry-card', 'data-entry': entry.id, 'data-status': entry.status },
      title: [entry.decisionNo],
      facts: [
        ['名单', entry.listKind ? `${list} · ${entry.listKind.name}` : list],
        ['列入事由', entry.reason],
        ['认定依据', entry.basis],
        ['认定单位', entry.designatingAuthority],
        ['认定日期', entry.decidedAt],
        ['有效期至', entry.validUntil ?? '—'],
        ['状态', standing.text],
      ],
      standing,
      objectionPending: entry.objectionPending,
    },
    context,
  );
}

/** 名单条目: all of the subject's own (the watch list and those not yet published included), not paged. */
export function renderListEntries(
  slot: HTMLElement,
  entries: MyListEntry[] | null,
  errors: GraphQLError[],
  context: ObjectionContext,
): void {
  if (entries === null) replace(slot, unavailable('名单条目', errors));
  else if (entries.length === 0) replace(slot, h('p', { class: 'none' }, '本主体没有名单条目。'));
  else
    replace(
      slot,
      h('p', { id: 'list-entries-count' }, `共 ${entries.length} 条`),
      h('ul', { class: 'record-list', id: 'list-entries-list' }, ...entries.map((e) => listEntryCard(e, context))),
    );
}

/**
 * 公共信用综合评价: the grade with its label (never by colour alone), the score, when, the model and the
 * explanation; objected to by the subject's own id. Null with an error is 暂时无法显示; null without one
 * is not graded (a natural person is not: the contract's choice; or not evaluated yet).
 */
export function renderEvaluation(
  slot: HTMLElement,
  subject: { id: string; kind: string },
  evaluation: MyEvaluation | null,
  errors: GraphQLError[],
  context: ObjectionContext,
): void {
  if (errors.length > 0) {
    replace(slot, unavailable('公共信用综合评价', errors));
    return;
  }
  if (evaluation === null) {
    replace(
      slot,
      h(
        'p',
        { class: 'none' },
        subject.kind === 'NATURAL_PERSON' ? '暂无评价：自然人不参加公共信用综合评价。' : '暂无评价：本主体尚未评价。',
      ),
    );
    return;
  }
  const grade = `${evaluation.grade} ${evaluation.gradeLabel}`;
  replace(
    slot,
    recordCard(
      {
        target: { kind: 'EVALUATION', id: subject.id },
        attributes: {
          class: 'record-card evaluation-card',
          'data-evaluation': subject.id,
          'data-grade': evaluation.grade,
        },
        title: [
          h(
            'span',
            { class: `grade grade-${evaluation.grade.toLowerCase()}` },
            h('strong', { class: 'grade-letter' }, grade),
            h('span', { class: 'grade-score' }, `得分 ${evaluation.score.toFixed(1)}`),
          ),
        ],
        facts: [
          ['信用等级', grade],
          ['得分', evaluation.score.toFixed(1)],
          ['评价时间', chinaTime(evaluation.evaluatedAt)],
          ['模型版本', evaluation.modelVersion],
        ],
        standing: { closed: null, elsewhere: null },
        objectionPending: evaluation.objectionPending,
        more:
          evaluation.explanation.length === 0
            ? h('p', { class: 'none' }, '无加减分项（基础分）')
            : h(
                'ul',
                { class: 'explanation', 'aria-label': '评价说明' },
                ...evaluation.explanation.map((line) => h('li', { title: `依据：${line.source}` }, line.text)),
              ),
      },
      context,
      'div',
    ),
  );
}
