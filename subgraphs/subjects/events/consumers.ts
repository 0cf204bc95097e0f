import { consumer, EventConsumer } from '../../../shared/events/consume';
import { markPenaltyRepaired } from '../services/penalty-repair';
import { applyRecordObjection } from '../services/record-objection';

/** An approved repair of a penalty ends its publicity and sharing (终止公示、停止共享) from the decision. */
const penaltyRepaired = consumer('subjects.penalty-repaired', 'penalty.repaired', (em, event) =>
  markPenaltyRepaired(em, event.payload),
);

/** An objection to a penalty, licence or action marks it 异议处理中 while open; upheld with WITHDRAWN, it is withdrawn. */
const objectionChanged = consumer('subjects.objection-changed', 'objection.changed', (em, event) =>
  applyRecordObjection(em, event.payload, new Date(event.occurredAt)),
);

export const subjectsConsumers: EventConsumer[] = [penaltyRepaired, objectionChanged];
