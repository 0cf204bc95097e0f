import { ObjectionOutcome, ObjectionStatus, ObjectionTarget } from '../../../shared/domain/vocabulary';
import { TransitionRefused } from '../../../shared/workflow/refusal';

/** 异议案件操作: 申请 → 受理 → 异议成立 (撤回 / 更正) / 异议不成立. */
export enum ObjectionAction {
  SUBMIT = 'SUBMIT', // 申请
  ACCEPT = 'ACCEPT', // 受理
  UPHOLD = 'UPHOLD', // 异议成立
  DISMISS = 'DISMISS', // 异议不成立
}

export type ObjectionStep = Exclude<ObjectionAction, ObjectionAction.SUBMIT>;

/** An objection in one of these statuses is open: its record is marked 异议处理中, and a second objection waits. */
export const OPEN_OBJECTION_STATUSES: readonly ObjectionStatus[] = [
  ObjectionStatus.SUBMITTED,
  ObjectionStatus.ACCEPTED,
];

/** Each action is allowed from the statuses listed here and nowhere else: a decision follows acceptance (受理后核查). */
export const OBJECTION_TRANSITIONS: Record<ObjectionStep, { from: ObjectionStatus[]; to: ObjectionStatus }> = {
  [ObjectionAction.ACCEPT]: { from: [ObjectionStatus.SUBMITTED], to: ObjectionStatus.ACCEPTED },
  [ObjectionAction.UPHOLD]: { from: [ObjectionStatus.ACCEPTED], to: ObjectionStatus.UPHELD },
  [ObjectionAction.DISMISS]: { from: [ObjectionStatus.ACCEPTED], to: ObjectionStatus.DISMISSED },
};

/** The status an action leads to, or a TransitionRefused. */
export function nextObjectionStatus(status: ObjectionStatus, action: ObjectionStep): ObjectionStatus {
  const rule = OBJECTION_TRANSITIONS[action];
  if (!rule.from.includes(status))
    throw new TransitionRefused(`${action} is not allowed for an objection that is ${status}`, action, status);
  return rule.to;
}

/** The decision as the department gives it: upheld needs what was done to the record; dismissed has none. */
export function decisionProblem(upheld: boolean, outcome: ObjectionOutcome | null | undefined): string | null {
  if (upheld && (outcome === null || outcome === undefined))
    return "an upheld objection says what was done to the record: 'outcome' WITHDRAWN (撤回) or CORRECTED (更正)";
  if (!upheld && outcome !== null && outcome !== undefined)
    return "a dismissed objection changes nothing: leave 'outcome' out";
  return null;
}

/**
 * What an upheld outcome may be for the kind of record: the district evaluation is computed from the
 * records, not reported, so it is not withdrawn but evaluated again on the corrected facts (CORRECTED,
 * 重新评价); every reported record may be withdrawn or corrected.
 */
export function outcomeProblem(target: ObjectionTarget, outcome: ObjectionOutcome | null): string | null {
  if (target === ObjectionTarget.EVALUATION && outcome === ObjectionOutcome.WITHDRAWN)
    return "an evaluation result is not withdrawn: an upheld objection has it evaluated again ('outcome' CORRECTED, 重新评价)";
  return null;
}

/** 下一步, as the receipt and the public progress page say it: status and deadline only. */
export function objectionNextStep(status: ObjectionStatus, dueOn: string | null): string {
  switch (status) {
    case ObjectionStatus.SUBMITTED:
      return `等待信息提供单位受理 (应于 ${dueOn ?? '—'} 前受理)；核查期间该信息标注“异议处理中”`;
    case ObjectionStatus.ACCEPTED:
      return `已受理，信息提供单位核查中 (应于 ${dueOn ?? '—'} 前作出决定)；该信息标注“异议处理中”`;
    case ObjectionStatus.UPHELD:
      return '异议成立: 相关信息已撤回或更正，异议处理决定书可下载或由窗口打印';
    case ObjectionStatus.DISMISSED:
      return '异议不成立: 异议处理决定书载明理由；对决定不服的，可依法申请行政复议或提起行政诉讼';
  }
}

/** The deadline a status waits on. */
export function objectionPendingDueOn(
  status: ObjectionStatus,
  intakeDueOn: string | null,
  decisionDueOn: string | null,
): string | null {
  if (status === ObjectionStatus.SUBMITTED) return intakeDueOn;
  if (status === ObjectionStatus.ACCEPTED) return decisionDueOn;
  return null;
}
