import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { TransitionRefused } from '../../../shared/workflow/refusal';

/**
 * The list workflow (§12, §15; 国办发〔2020〕49号): 认定 → 告知 → (异议) → 公示 → 移出.
 * Each action is allowed from the statuses listed here and nowhere else.
 */
export const TRANSITIONS: Record<
  Exclude<ListAction, ListAction.PROPOSE>,
  { from: ListEntryStatus[]; to: ListEntryStatus }
> = {
  [ListAction.NOTIFY]: { from: [ListEntryStatus.DESIGNATED], to: ListEntryStatus.NOTIFIED },
  [ListAction.OBJECT]: { from: [ListEntryStatus.NOTIFIED], to: ListEntryStatus.OBJECTED },
  [ListAction.DISMISS_OBJECTION]: { from: [ListEntryStatus.OBJECTED], to: ListEntryStatus.NOTIFIED },
  [ListAction.UPHOLD_OBJECTION]: { from: [ListEntryStatus.OBJECTED], to: ListEntryStatus.REMOVED },
  [ListAction.PUBLISH]: { from: [ListEntryStatus.NOTIFIED], to: ListEntryStatus.PUBLISHED },
  [ListAction.REVOKE]: {
    from: [ListEntryStatus.DESIGNATED, ListEntryStatus.NOTIFIED, ListEntryStatus.OBJECTED, ListEntryStatus.PUBLISHED],
    to: ListEntryStatus.REMOVED,
  },
  [ListAction.REPAIR]: { from: [ListEntryStatus.PUBLISHED], to: ListEntryStatus.REMOVED },
};

export type TransitionRefusal = 'INVALID_STATUS' | 'OBJECTION_PERIOD_OVER' | 'OBJECTION_PERIOD_OPEN';

const EXPLANATION: Record<TransitionRefusal, string> = {
  INVALID_STATUS: 'is not allowed for an entry that is',
  OBJECTION_PERIOD_OVER: 'is too late: the objection period (异议期) has ended for the entry, which is',
  OBJECTION_PERIOD_OPEN: 'must wait until the objection period (异议期) has ended for the entry, which is',
};

/** Why an action is refused, said in the entry's terms. */
function refusal(
  action: ListAction,
  status: ListEntryStatus,
  reason: TransitionRefusal = 'INVALID_STATUS',
): TransitionRefused {
  return new TransitionRefused(`${action} ${EXPLANATION[reason]} ${status}`, action, status, reason);
}

/** The status an entry reads as: a published entry past its validity has expired by itself. */
export function effectiveStatus(
  entry: { status: ListEntryStatus; validUntil: string | null },
  today: string,
): ListEntryStatus {
  return entry.status === ListEntryStatus.PUBLISHED && entry.validUntil !== null && entry.validUntil < today
    ? ListEntryStatus.EXPIRED
    : entry.status;
}

export interface TransitionContext {
  today: string;
  /** Last day an objection may be raised (inclusive); null before notice. */
  objectionDeadline: string | null;
}

/** The next status for an action, or a TransitionRefused saying why not. */
export function transition(
  entry: { status: ListEntryStatus; validUntil: string | null },
  action: Exclude<ListAction, ListAction.PROPOSE>,
  context: TransitionContext,
): ListEntryStatus {
  const status = effectiveStatus(entry, context.today);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) throw refusal(action, status);
  // Objections are heard only within the notice period; publication waits until it has passed.
  if (action === ListAction.OBJECT && context.objectionDeadline !== null && context.today > context.objectionDeadline) {
    throw refusal(action, status, 'OBJECTION_PERIOD_OVER');
  }
  if (
    action === ListAction.PUBLISH &&
    (context.objectionDeadline === null || context.today <= context.objectionDeadline)
  ) {
    throw refusal(action, status, 'OBJECTION_PERIOD_OPEN');
  }
  return rule.to;
}
