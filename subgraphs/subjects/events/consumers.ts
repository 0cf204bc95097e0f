import { consumer, EventConsumer } from '../../../shared/events/consume';
import { applyPenaltyObjection } from '../services/penalty-objection';
import { markPenaltyRepaired } from '../services/penalty-repair';

/** An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision. */
const penaltyRepaired = consumer('subjects.penalty-repaired', 'penalty.repaired', (em, event) =>
  markPenaltyRepaired(em, event.payload),
);

/** An objection to a penalty marks it 异议处理中 while open; upheld with WITHDRAWN, it is revoked. */
const objectionChanged = consumer('subjects.objection-changed', 'objection.changed', (em, event) =>
  applyPenaltyObjection(em, event.payload, new Date(event.occurredAt)),
);

export const subjectsConsumers: EventConsumer[] = [penaltyRepaired, objectionChanged];
