import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { ListAction } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';

/** An entry's new version for the exchange and the last step of its history (null for an entry seeded without one). */
export interface EntryVersion {
  id: string;
  version: string;
  lastAction: ListAction | null;
}

/**
 * One statement for any number of entries, after their change is flushed: a version each from
 * sanctions.exchange_version_seq (taken while the change holds the entry's row, so a later change takes
 * a higher one) and the step that last moved it (REPAIR tells 信用修复 from another removal).
 */
export function readEntryVersions(em: EntityManager, ids: readonly string[]): Promise<EntryVersion[]> {
  return boundQuery<EntryVersion>(
    em,
    `select e.id, nextval('${SCHEMA}.exchange_version_seq')::text as version,
            (select h.action from ${SCHEMA}.list_entry_event h where h.entry_id = e.id order by h.occurred_at desc, h.id desc limit 1) as "lastAction"
       from ${SCHEMA}.list_entry e
      where e.id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
      order by e.id`,
    [JSON.stringify(ids)],
  );
}
