import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { ObjectionStatus } from '../../../shared/domain/vocabulary';
import { recordHistory } from '../../../shared/workflow/history';
import type { ObjectionCase } from '../entities/objection-case';
import { ObjectionCaseEvent } from '../entities/objection-case-event';
import type { ObjectionAction } from '../rules/objection-workflow';

/** One step of an objection into its history (异议案件历史), in the transaction of the step. */
export function recordObjectionStep(
  em: EntityManager,
  objection: ObjectionCase,
  action: ObjectionAction,
  from: ObjectionStatus | null,
  principal: Principal,
  note: string | null,
): void {
  recordHistory(em, ObjectionCaseEvent, principal, note, {
    caseId: objection.id,
    action,
    fromStatus: from,
    toStatus: objection.status,
  });
}
