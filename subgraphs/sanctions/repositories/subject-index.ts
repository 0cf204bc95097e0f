import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

type RegisteredSubject = EventCatalogue['subjects.registered']['subjects'][number];

/** Adds subjects to the code index screening and proposals resolve through; those known stay as they are. One statement for the batch. */
export async function indexSubjects(em: EntityManager, subjects: RegisteredSubject[]): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.subject_index (id, uscc, name)
     select r.id, r.uscc, r.name from jsonb_to_recordset(?::jsonb) as r(id uuid, uscc text, name text) order by r.uscc
     on conflict do nothing`,
    [JSON.stringify(subjects)],
  );
}
