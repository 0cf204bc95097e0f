import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import type { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { recordHistory } from '../../../shared/workflow/history';
import type { ListEntry } from '../entities/list-entry';
import { ListEntryEvent } from '../entities/list-entry-event';

/** One step of an entry into its history (名单条目历史), in the transaction of the step. */
export function recordEntryStep(
  em: EntityManager,
  entry: ListEntry,
  action: ListAction,
  from: ListEntryStatus | null,
  principal: Principal,
  note: string | null,
): void {
  recordHistory(em, ListEntryEvent, principal, note, {
    entryId: entry.id,
    action,
    fromStatus: from,
    toStatus: entry.status,
  });
}
