import type { ListEntry } from '../entities/list-entry';
import type { SubjectRef } from '../entities/stubs';

/**
 * A Subject whose list entries (all of them, newest first) were read with it: a screening's results carry
 * them, so that 10,000 results' creditStatus costs no statement, DataLoader call or promise more.
 */
export interface SubjectWithEntries extends SubjectRef {
  entries?: readonly ListEntry[];
}
