import { RepairStatus } from '../../../shared/domain/vocabulary';
import { listLabel, repairTargetLabel } from '../documents/labels';
import { DECISION_TITLES, DecisionKind } from './decision-kind';

/** A department as the case names it. */
export interface CaseDepartment {
  code: string;
  name: string;
}

/** The record a case is about, when the caller could read its decision number. */
export interface CaseRecord {
  decisionNo: string;
  /** The list of a list entry (BLACK …); null for a penalty. */
  list: string | null;
}

/** A repair case or an objection case as gathered through the gateway, in one shape. */
export interface GatheredCase {
  kind: DecisionKind;
  id: string;
  /** 受理编号; null for repair cases filed before receipts. */
  caseNumber: string | null;
  status: string;
  /** PENALTY or LIST_ENTRY (repair); an objection also LICENSE, ACTION or EVALUATION. */
  target: string;
  targetId: string;
  record: CaseRecord | null;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  /** An upheld objection's outcome: WITHDRAWN or CORRECTED; null otherwise. */
  outcome: string | null;
  /** An objection's grounds (异议理由), printed with the decision; null for a repair case. */
  grounds: string | null;
  decisionNote: string | null;
  decidedBy: CaseDepartment | null;
  handledBy: CaseDepartment | null;
  /** kind: ENTERPRISE, NATURAL_PERSON … (the subjects subgraph's SubjectKind). */
  subject: { id: string; name: string; uscc: string | null; kind: string };
}

/** The objection vocabulary of the repairs subgraph (ObjectionStatus, issue 18's contract). */
export const OBJECTION_STATUSES = {
  SUBMITTED: 'SUBMITTED',
  ACCEPTED: 'ACCEPTED',
  UPHELD: 'UPHELD',
  DISMISSED: 'DISMISSED',
} as const;

/** What the document says was decided, and what follows from it. */
export interface DecisionText {
  title: string;
  /** 准予信用修复 / 不予信用修复 / 异议成立，已撤回该信息 / 异议不成立. */
  decision: string;
  /** The decision note, as the deciding department wrote it. */
  reasons: string;
  /** What follows the decision (终止公示、停止共享 …); empty when nothing does. */
  consequences: string[];
  /** The record concerned: 行政处罚信息 姑市监罚〔2025〕12号, or its id when its number could not be read. */
  record: string;
}

interface KindRules {
  /** The case statuses that are a decision (a document is issued for these only). */
  decided: ReadonlySet<string>;
  decision(c: GatheredCase): string;
  consequences(c: GatheredCase): string[];
}

/** The repair decision's effect (《信用修复管理办法》: 信用修复 = 终止公示、停止共享和使用、同步解除惩戒). */
function repairEffects(c: GatheredCase): string[] {
  if (c.status !== RepairStatus.APPROVED) return [];
  if (c.target === 'LIST_ENTRY')
    return ['自本决定作出之日起，上述主体移出该名单，该名单信息终止公示、停止共享和使用，同步解除相关惩戒措施。'];
  return ['自本决定作出之日起，上述行政处罚信息终止公示、停止共享和使用。'];
}

const RULES: Readonly<Record<DecisionKind, KindRules>> = {
  [DecisionKind.REPAIR]: {
    // REJECTED is the legacy name of DENIED (shared/domain/vocabulary.ts): nothing writes it, but an old case may read so.
    decided: new Set<string>([RepairStatus.APPROVED, RepairStatus.DENIED, RepairStatus.REJECTED]),
    decision: (c) => (c.status === RepairStatus.APPROVED ? '准予信用修复' : '不予信用修复'),
    consequences: repairEffects,
  },
  [DecisionKind.OBJECTION]: {
    decided: new Set<string>([OBJECTION_STATUSES.UPHELD, OBJECTION_STATUSES.DISMISSED]),
    decision: (c) => {
      if (c.status !== OBJECTION_STATUSES.UPHELD) return '异议不成立';
      if (c.outcome === 'WITHDRAWN') return '异议成立，已撤回该信息';
      if (c.outcome === 'CORRECTED')
        return c.target === 'EVALUATION' ? '异议成立，已重新评价' : '异议成立，已更正该信息';
      return '异议成立';
    },
    consequences: (c) => {
      if (c.status !== OBJECTION_STATUSES.UPHELD) return ['上述信息维持不变，继续依照规定公示和共享。'];
      if (c.outcome === 'WITHDRAWN') return ['上述信息已撤回，不再公示和共享。'];
      if (c.outcome === 'CORRECTED' && c.target === 'EVALUATION')
        return ['上述主体已按更正后的信息重新评价，公示和共享的为重新评价的结果。'];
      if (c.outcome === 'CORRECTED') return ['上述信息已由认定部门更正，公示和共享的为更正后的信息。'];
      return [];
    },
  },
};

/** The case has been decided, so a decision document can be issued for it. */
export function isDecided(c: Pick<GatheredCase, 'kind' | 'status'>): boolean {
  return RULES[c.kind].decided.has(c.status);
}

/** The record concerned, as printed. */
export function recordLine(c: GatheredCase): string {
  const kind = repairTargetLabel(c.target);
  if (c.target === 'EVALUATION') return kind;
  if (!c.record) return `${kind} (记录标识 ${c.targetId})`;
  const list = c.record.list ? ` (${listLabel(c.record.list)})` : '';
  return `${kind}${list} ${c.record.decisionNo}`;
}

/** What a decided case's document says (the caller has checked isDecided). */
export function decisionText(c: GatheredCase): DecisionText {
  const rules = RULES[c.kind];
  if (!rules.decided.has(c.status)) throw new Error(`case ${c.id} is not decided (${c.status})`);
  return {
    title: DECISION_TITLES[c.kind],
    decision: rules.decision(c),
    reasons: c.decisionNote?.trim() || '—',
    consequences: rules.consequences(c),
    record: recordLine(c),
  };
}
