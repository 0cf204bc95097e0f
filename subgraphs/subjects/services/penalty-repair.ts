import type { EntityManager } from '../../../shared/db/orm';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { announceRecords } from './exchange-records';

/**
 * An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision, and
 * the exchange withdraws it from the receiving platforms (WITHDRAWN, REPAIRED); applying it again changes nothing.
 */
export async function markPenaltyRepaired(
  em: EntityManager,
  { penaltyId, repairCaseId, decidedAt }: EventCatalogue['penalty.repaired'],
): Promise<void> {
  const penalty = await em.findOne(AdministrativePenalty, { id: penaltyId });
  if (!penalty) throw new Error(`penalty ${penaltyId} of repair case ${repairCaseId} does not exist`);
  if (penalty.repairedAt !== null) return;
  penalty.repairedAt = new Date(decidedAt);
  await announceRecords(em, 'PENALTY', [penalty.id]);
}
