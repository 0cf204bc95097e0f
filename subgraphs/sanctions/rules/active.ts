import { CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';

export interface ListEntryValidity {
  list: CreditList;
  status: ListEntryStatus;
  validFrom?: string | null;
  validUntil: string | null;
}

/** An entry binds when it is published and today lies within its validity (both ends inclusive). */
export function isActiveEntry(entry: ListEntryValidity, today: string): boolean {
  return (
    entry.status === ListEntryStatus.PUBLISHED &&
    (entry.validFrom == null || entry.validFrom <= today) &&
    (entry.validUntil === null || entry.validUntil >= today)
  );
}

/** What the public may see: red and black entries in force; the watch list is never published. */
export function isPublished(entry: ListEntryValidity, today: string): boolean {
  return entry.list !== CreditList.WATCH && isActiveEntry(entry, today);
}

/**
 * Which entries a reader sees, wherever they appear (Subject.listEntries,
 * screening hits): with credit:read every entry; without it only what the
 * website publishes. A screening's verdict still counts every active entry, so
 * a caller with credit:screen alone learns CAUTION, not the watch-list entry.
 */
export function visibleTo<T extends ListEntryValidity>(
  entries: readonly T[],
  mayReadCredit: boolean,
  today: string,
): T[] {
  return mayReadCredit ? [...entries] : entries.filter((entry) => isPublished(entry, today));
}
