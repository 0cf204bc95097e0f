import type { EntityManager } from '../../../shared/db/orm';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import { AdministrativePenalty } from '../entities/administrative-penalty';

/** An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision; applying it again changes nothing. */
export async function markPenaltyRepaired(
  em: EntityManager,
  { penaltyId, repairCaseId, decidedAt }: EventCatalogue['penalty.repaired'],
): Promise<void> {
  const penalty = await em.findOne(AdministrativePenalty, { id: penaltyId });
  if (!penalty) throw new Error(`penalty ${penaltyId} of repair case ${repairCaseId} does not exist`);
  penalty.repairedAt ??= new Date(decidedAt);
}
