import { RepairStatus } from '../../../shared/domain/vocabulary';

/**
 * 下一步: what happens next to a case, as the receipt and the public progress page
 * say it — in terms of the status and its deadline only, never of the grounds.
 */
export function nextStep(status: RepairStatus, dueOn: string | null): string {
  switch (status) {
    case RepairStatus.SUBMITTED:
      return `等待办理部门受理 (应于 ${dueOn ?? '—'} 前作出是否受理的决定)`;
    case RepairStatus.ACCEPTED:
      return `已受理，等待作出是否准予修复的决定 (应于 ${dueOn ?? '—'} 前)`;
    case RepairStatus.APPROVED:
      return '已准予修复: 相关失信信息终止公示，修复决定书由办理部门送达';
    case RepairStatus.DENIED:
    case RepairStatus.REJECTED:
      return '不予修复: 决定书及理由由办理部门送达；对决定有异议的，可提出异议申诉';
    case RepairStatus.REJECTED_AT_INTAKE:
      return '不予受理: 告知书及理由由办理部门送达；补齐材料后可重新申请';
    case RepairStatus.WITHDRAWN:
      return '申请已撤回，案件终结';
  }
}

/** The deadline a status waits on: intake while submitted, the decision once accepted, none after. */
export function pendingDueOn(
  status: RepairStatus,
  intakeDueOn: string | null,
  decisionDueOn: string | null,
): string | null {
  if (status === RepairStatus.SUBMITTED) return intakeDueOn;
  if (status === RepairStatus.ACCEPTED) return decisionDueOn;
  return null;
}
