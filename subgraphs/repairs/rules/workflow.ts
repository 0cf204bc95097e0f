import { RepairStatus } from '../../../shared/domain/vocabulary';
import { TransitionRefused } from '../../../shared/workflow/refusal';

/** 信用修复案件操作: 申请 → 受理 / 不予受理 → 准予修复 / 不予修复; 撤回 before a decision. */
export enum RepairAction {
  SUBMIT = 'SUBMIT', // 申请
  ACCEPT = 'ACCEPT', // 受理
  REJECT_AT_INTAKE = 'REJECT_AT_INTAKE', // 不予受理
  APPROVE = 'APPROVE', // 准予修复
  DENY = 'DENY', // 不予修复
  WITHDRAW = 'WITHDRAW', // 撤回
}

export type CaseAction = Exclude<RepairAction, RepairAction.SUBMIT>;

/** A case in one of these statuses is open: a second application for its target waits for it. */
export const OPEN_STATUSES: readonly RepairStatus[] = [RepairStatus.SUBMITTED, RepairStatus.ACCEPTED];

/** Each action is allowed from the statuses listed here and nowhere else. */
export const TRANSITIONS: Record<CaseAction, { from: RepairStatus[]; to: RepairStatus }> = {
  [RepairAction.ACCEPT]: { from: [RepairStatus.SUBMITTED], to: RepairStatus.ACCEPTED },
  [RepairAction.REJECT_AT_INTAKE]: { from: [RepairStatus.SUBMITTED], to: RepairStatus.REJECTED_AT_INTAKE },
  [RepairAction.APPROVE]: { from: [RepairStatus.ACCEPTED], to: RepairStatus.APPROVED },
  [RepairAction.DENY]: { from: [RepairStatus.ACCEPTED], to: RepairStatus.DENIED },
  [RepairAction.WITHDRAW]: { from: [RepairStatus.SUBMITTED, RepairStatus.ACCEPTED], to: RepairStatus.WITHDRAWN },
};

/** The status an action leads to, or a TransitionRefused. */
export function nextStatus(status: RepairStatus, action: CaseAction): RepairStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status))
    throw new TransitionRefused(`${action} is not allowed for a repair case that is ${status}`, action, status);
  return rule.to;
}
