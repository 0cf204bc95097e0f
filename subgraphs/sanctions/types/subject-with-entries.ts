import type { ListEntry } from '../entities/list-entry';
import type { SubjectRef } from '../entities/stubs';

/**
 * Where a screening's result keeps its subject's list entries. A symbol, not a property name: a Subject
 * reaching this subgraph as a federation representation is parsed JSON and cannot carry one, so entries
 * only ever come from this subgraph's own read.
 */
export const SCREENED_ENTRIES = Symbol('the list entries the screening read');

/**
 * A Subject whose list entries (all of them, newest first) were read with it: a screening's results carry
 * them, so that 10,000 results' creditStatus costs no statement, DataLoader call or promise more.
 */
export interface SubjectWithEntries extends SubjectRef {
  [SCREENED_ENTRIES]?: readonly ListEntry[];
}
