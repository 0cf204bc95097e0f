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
