import { Child, h } from './dom';
import { objectionForm } from './objection-form';
import type { MyCase, ObjectionKind, ObjectionReceipt, ObjectionTargetRef } from './operations';
import type { Standing } from './record-standing';

/** What a card needs from /hall/my: the open objection case of a record (null: cases unknown), and where a receipt goes. */
export interface ObjectionContext {
  openCase(target: ObjectionTargetRef): MyCase | undefined;
  filed(receipt: ObjectionReceipt): void;
}

/** One of the subject's own records, of any kind, as a card: the same badges, note and 提出异议 for all. */
export interface RecordCardSpec {
  target: ObjectionTargetRef;
  /** class and data-* attributes: a kind's cards are found by them (tests, styles). */
  attributes: Record<string, string>;
  title: Child[];
  facts: [string, string][];
  standing: Pick<Standing, 'closed' | 'elsewhere'>;
  objectionPending: boolean;
  /** Below the facts (the evaluation's explanation). */
  more?: Child;
}

/** Who verifies and decides an objection (docs/rules/objections.md): 谁提供、谁负责; the evaluation's is the credit office. */
const DECIDER: Record<ObjectionKind, string> = {
  PENALTY: '报送部门',
  LICENSE: '报送部门',
  ACTION: '报送部门',
  LIST_ENTRY: '认定部门',
  EVALUATION: '区信用办',
};

export function recordCard(spec: RecordCardSpec, context: ObjectionContext, tag: 'li' | 'div' = 'li'): HTMLElement {
  const { closed } = spec.standing;
  return h(
    tag,
    spec.attributes,
    h(
      'h3',
      {},
      ...spec.title,
      spec.objectionPending
        ? h('span', { class: 'badge badge-pending', 'data-badge': 'objection' }, '异议处理中')
        : null,
      closed ? h('span', { class: 'badge badge-closed', 'data-badge': 'closed' }, closed) : null,
    ),
    h(
      'dl',
      { class: 'facts' },
      ...spec.facts.flatMap(([term, text]) => [h('dt', {}, term), h('dd', { 'data-term': term }, text)]),
    ),
    spec.more,
    objectionPart(spec, context),
  );
}

/** An open case's number, or the form — not for a record withdrawn, nor one objected to elsewhere. */
function objectionPart(spec: RecordCardSpec, context: ObjectionContext): Child {
  const decider = DECIDER[spec.target.kind];
  const open = context.openCase(spec.target);
  if (open)
    return h('p', { class: 'note' }, `已提出异议（受理编号 ${open.caseNumber ?? '—'}），等待${decider}核查决定。`);
  if (spec.standing.closed) return null;
  if (spec.objectionPending) return h('p', { class: 'note' }, `已提出异议，等待${decider}核查决定。`);
  if (spec.standing.elsewhere) return h('p', { class: 'note elsewhere' }, spec.standing.elsewhere);
  return objectionForm(spec.target, context.filed);
}
