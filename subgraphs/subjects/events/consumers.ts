import { consumer, EventConsumer } from '../../../shared/events/consume';
import { markPenaltyRepaired } from '../services/penalty-repair';

/** An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision. */
const penaltyRepaired = consumer('subjects.penalty-repaired', 'penalty.repaired', (em, event) =>
  markPenaltyRepaired(em, event.payload),
);

export const subjectsConsumers: EventConsumer[] = [penaltyRepaired];
