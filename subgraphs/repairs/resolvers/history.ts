import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { RepairStatus } from '../../../shared/domain/vocabulary';
import type { RepairCase } from '../entities/repair-case';
import { RepairCaseEvent } from '../entities/repair-case-event';
import type { RepairsContext } from '../loaders';
import type { RepairAction } from '../rules/workflow';

/** One step of a case into its history, in the transaction of the step. */
export function recordStep(em: EntityManager, repairCase: RepairCase, action: RepairAction, from: RepairStatus | null, principal: Principal, note: string | null): void {
  em.persist(
    em.create(RepairCaseEvent, {
      id: randomUUID(),
      caseId: repairCase.id,
      occurredAt: new Date(),
      action,
      fromStatus: from,
      toStatus: repairCase.status,
      actorSub: principal.sub,
      actorOrg: principal.org,
      note,
    }),
  );
}

/** After a write, what this request's loaders cached is stale (a document may hold several mutations). */
export function forgetCases(ctx: RepairsContext): void {
  ctx.loaders.caseById.clearAll();
  ctx.loaders.casesBySubject.clearAll();
  ctx.loaders.historyByCase.clearAll();
}
