import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { applyObjectionMark } from '../../../shared/domain/objection-mark';
import { ListAction } from '../../../shared/domain/vocabulary';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import type { Logger } from '../../../shared/logging/logger';
import { ListEntry } from '../entities/list-entry';
import { lockEntrySubject } from '../repositories/subject-lock';
import { removeDecidedEntry } from './repair-entry';

/**
 * An objection to a list entry (repairs' objection.changed): open, the entry is marked 异议处理中;
 * decided, the mark ends, and upheld with WITHDRAWN the entry is revoked (撤销, 移出) as a workflow
 * step acting as the deciding department. Objections to penalties are subjects'. Applying an event
 * again, or an older one, changes nothing.
 */
export async function applyEntryObjection(
  em: EntityManager,
  change: EventCatalogue['objection.changed'],
  context: { actor: Principal; today: string; logger: Logger; occurredAt: Date },
): Promise<void> {
  if (change.target !== 'LIST_ENTRY') return;
  // The subject's lock before the row, as every entry step takes them (repositories/subject-lock.ts).
  await lockEntrySubject(em, change.targetId);
  const entry = await em.findOne(ListEntry, { id: change.targetId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!entry) throw new Error(`list entry ${change.targetId} of objection ${change.objectionId} does not exist`);
  if (applyObjectionMark(entry, change, context.occurredAt) !== 'DECIDED') return;
  if (change.status === 'UPHELD' && change.outcome === 'WITHDRAWN') {
    await em.flush();
    await removeDecidedEntry(em, {
      entryId: entry.id,
      action: ListAction.REVOKE,
      caseId: change.objectionId,
      reason: `异议成立，认定部门撤回 (异议案件 ${change.caseNumber}): ${change.note ?? ''}`.trim(),
      actor: context.actor,
      today: context.today,
      logger: context.logger,
    });
  }
}
