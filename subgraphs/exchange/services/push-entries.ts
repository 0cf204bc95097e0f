import type { RecordSnapshot, ScreeningChange } from '../../../shared/exchange/record-snapshot';

/** A feed entry as pushed (and pulled): docs/EXCHANGE.md, "The feed". Seq and version travel as strings (bigint). */
export interface FeedEntryJson {
  seq: string;
  entryId: string;
  topic: string;
  kind: string | null;
  key: string;
  version: string;
  operation: string;
  record: RecordSnapshot | null;
  screening: ScreeningChange | null;
  createdAt: string;
}

export interface FeedEntryRow {
  seq: string;
  entry_id: string;
  topic: string;
  kind: string | null;
  key: string;
  version: string;
  operation: string;
  payload: RecordSnapshot | ScreeningChange;
  created_at: Date;
}

export const FEED_ENTRY_COLUMNS = 'seq, entry_id, topic, kind, key, version, operation, payload, created_at';

export function feedEntryJson(row: FeedEntryRow): FeedEntryJson {
  return {
    seq: String(row.seq),
    entryId: row.entry_id,
    topic: row.topic,
    kind: row.kind,
    key: row.key,
    version: String(row.version),
    operation: row.operation,
    // As `changes` answers it: the one that applies, the other null.
    record: row.topic === 'SCREENING' ? null : (row.payload as RecordSnapshot),
    screening: row.topic === 'SCREENING' ? (row.payload as ScreeningChange) : null,
    createdAt: row.created_at.toISOString(),
  };
}
