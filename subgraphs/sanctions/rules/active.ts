import { CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';

export interface ListEntryValidity {
  list: CreditList;
  status: ListEntryStatus;
  validUntil: string | null;
}

/** An entry binds when it is published and its validity has not ended (validUntil is inclusive). */
export function isActiveEntry(entry: ListEntryValidity, today: string): boolean {
  return entry.status === ListEntryStatus.PUBLISHED && (entry.validUntil === null || entry.validUntil >= today);
}

/** What the public may see: red and black entries in force; the watch list is never published. */
export function isPublished(entry: ListEntryValidity, today: string): boolean {
  return entry.list !== CreditList.WATCH && isActiveEntry(entry, today);
}
