import { consumer, EventConsumer } from '../../../shared/events/consume';
import { AdministrativePenalty } from '../entities/administrative-penalty';

/** An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision. */
const penaltyRepaired = consumer('subjects.penalty-repaired', 'penalty.repaired', async (em, event) => {
  const { penaltyId, repairCaseId, decidedAt } = event.payload;
  const penalty = await em.findOne(AdministrativePenalty, { id: penaltyId });
  if (!penalty) throw new Error(`penalty ${penaltyId} of repair case ${repairCaseId} does not exist`);
  penalty.repairedAt ??= new Date(decidedAt);
});

export const subjectsConsumers: EventConsumer[] = [penaltyRepaired];
