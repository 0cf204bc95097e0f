import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { FeedOperation, FeedTopic, ReceiverKind, RecordKind } from '../entities/enums';

/** The receiver (for the owner check) and a page of its feed after `after`, in one statement. */
export interface PulledPage {
  receiver: { kind: ReceiverKind; clientId: string | null; departmentCode: string | null } | null;
  rows: {
    seq: string;
    entryId: string;
    topic: FeedTopic;
    kind: RecordKind | null;
    key: string;
    version: string;
    operation: FeedOperation;
    payload: Record<string, unknown>;
    createdAt: Date;
  }[];
}

/**
 * Keyset on (receiver_code, seq): `limit` entries after `after` (the primary key's order), with the receiver's
 * row beside them (a left join, so a receiver with no entries still answers). One SQL per page.
 */
export async function pullPage(
  em: EntityManager,
  receiverCode: string,
  after: string,
  limit: number,
): Promise<PulledPage> {
  const rows = await boundQuery<{
    kind: ReceiverKind;
    client_id: string | null;
    department_code: string | null;
    seq: string | null;
    entry_id: string;
    topic: FeedTopic;
    entry_kind: RecordKind | null;
    key: string;
    version: string;
    operation: FeedOperation;
    payload: Record<string, unknown>;
    created_at: Date;
  }>(
    em,
    `select r.kind, r.client_id, r.department_code, f.seq, f.entry_id, f.topic, f.kind as entry_kind, f.key, f.version,
            f.operation, f.payload, f.created_at
       from exchange.receiver r
       left join lateral (
         select * from exchange.feed_entry f
          where f.receiver_code = r.code and f.seq > ?::bigint
          order by f.seq limit ?) f on true
      where r.code = ?
      order by f.seq`,
    [after, limit, receiverCode],
  );
  if (rows.length === 0) return { receiver: null, rows: [] };
  const [first] = rows;
  return {
    receiver: { kind: first.kind, clientId: first.client_id, departmentCode: first.department_code },
    rows: rows
      .filter((r) => r.seq !== null)
      .map((r) => ({
        seq: String(r.seq),
        entryId: r.entry_id,
        topic: r.topic,
        kind: r.entry_kind,
        key: r.key,
        version: String(r.version),
        operation: r.operation,
        payload: r.payload,
        createdAt: r.created_at,
      })),
  };
}
