import { boundQuery } from '../../../shared/db/bound-query';
import { consumer } from '../../../shared/events/consume';
import { SCHEMA } from '../config';

/** Keeps the commitment facts current: a signature adds one, a change of status replaces it; a late, older event changes nothing. */
export const commitmentChanged = consumer('repairs.commitment-changed', 'commitment.changed', async (em, event) => {
  const commitment = event.payload;
  await boundQuery(
    em,
    `insert into ${SCHEMA}.commitment_fact as t (id, subject_id, kind, status, valid_until, changed_at) values (?, ?, ?, ?, ?, ?)
     on conflict (id) do update set subject_id = excluded.subject_id, kind = excluded.kind, status = excluded.status,
       valid_until = excluded.valid_until, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [commitment.commitmentId, commitment.subjectId, commitment.kind, commitment.status, commitment.validUntil, event.occurredAt],
  );
});
