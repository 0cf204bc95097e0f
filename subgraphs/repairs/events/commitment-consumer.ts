import { consumer } from '../../../shared/events/consume';
import { upsertCommitmentFact } from '../repositories/facts';

/** Keeps the commitment facts current: a signature adds one, a change of status replaces it; a late, older event changes nothing. */
export const commitmentChanged = consumer('repairs.commitment-changed', 'commitment.changed', async (em, event) => {
  await upsertCommitmentFact(em, event.payload, event.occurredAt);
});
