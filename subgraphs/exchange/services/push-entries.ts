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
  record?: RecordSnapshot;
  screening?: ScreeningChange;
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
  const body =
    row.topic === 'SCREENING'
      ? { screening: row.payload as ScreeningChange }
      : { record: row.payload as RecordSnapshot };
  return {
    seq: String(row.seq),
    entryId: row.entry_id,
    topic: row.topic,
    kind: row.kind,
    key: row.key,
    version: String(row.version),
    operation: row.operation,
    ...body,
    createdAt: row.created_at.toISOString(),
  };
}
