import { ListEntryStatus } from '../../../shared/domain/vocabulary';

export interface ListEntryValidity {
  status: ListEntryStatus;
  validUntil: string | null;
}

/** An entry binds when it is published and its validity has not ended (validUntil is inclusive). */
export function isActiveEntry(entry: ListEntryValidity, today: string): boolean {
  return entry.status === ListEntryStatus.PUBLISHED && (entry.validUntil === null || entry.validUntil >= today);
}
