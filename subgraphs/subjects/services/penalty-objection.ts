import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '../../../shared/db/orm';
import { applyObjectionMark } from '../../../shared/domain/objection-mark';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { announceRecords } from './exchange-records';
import { announcePenalties, penaltyFacts } from './penalty-facts';

/**
 * An objection to a penalty (repairs' objection.changed): open, the penalty is marked 异议处理中;
 * decided, the mark ends, and upheld with WITHDRAWN the penalty is revoked as by its department
 * (撤销: publicity and sharing end; repairs and the exchange are told). Objections to list entries
 * are sanctions'. Applying an event again, or an older one, changes nothing.
 */
export async function applyPenaltyObjection(
  em: EntityManager,
  change: EventCatalogue['objection.changed'],
  occurredAt: Date,
): Promise<void> {
  if (change.target !== 'PENALTY') return;
  const penalty = await em.findOne(
    AdministrativePenalty,
    { id: change.targetId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!penalty) throw new Error(`penalty ${change.targetId} of objection ${change.objectionId} does not exist`);
  if (applyObjectionMark(penalty, change, occurredAt) !== 'DECIDED') return;
  if (change.status === 'UPHELD' && change.outcome === 'WITHDRAWN' && penalty.revokedAt === null) {
    penalty.revokedAt = new Date();
    penalty.revocationReason =
      `异议成立，信息提供单位撤回 (异议案件 ${change.caseNumber}): ${change.note ?? ''}`.trim();
    await announcePenalties(em, [penaltyFacts(penalty, true)]);
    await announceRecords(em, 'PENALTY', [penalty.id]);
  }
}
