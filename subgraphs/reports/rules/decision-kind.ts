/** 决定书类别: which decision of which case a document delivers. */
export enum DecisionKind {
  /** 信用修复决定书: the decision on a repair application (准予 / 不予信用修复). */
  REPAIR = 'REPAIR',
  /** 异议处理决定书: the decision on an objection to a record (异议成立 / 不成立). */
  OBJECTION = 'OBJECTION',
}

export const DECISION_TITLES: Readonly<Record<DecisionKind, string>> = {
  [DecisionKind.REPAIR]: '信用修复决定书',
  [DecisionKind.OBJECTION]: '异议处理决定书',
};
