import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { RepairStatus } from '../../../shared/domain/vocabulary';
import { recordHistory } from '../../../shared/workflow/history';
import type { RepairCase } from '../entities/repair-case';
import { RepairCaseEvent } from '../entities/repair-case-event';
import type { RepairAction } from '../rules/workflow';

/** One step of a case into its history (信用修复案件历史), in the transaction of the step. */
export function recordCaseStep(
  em: EntityManager,
  repairCase: RepairCase,
  action: RepairAction,
  from: RepairStatus | null,
  principal: Principal,
  note: string | null,
): void {
  recordHistory(em, RepairCaseEvent, principal, note, {
    caseId: repairCase.id,
    action,
    fromStatus: from,
    toStatus: repairCase.status,
  });
}
