import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { FeedOperation, FeedTopic, RecordKind } from './enums';

/**
 * One entry of a receiver's feed (docs/EXCHANGE.md, "The feed"): seq is gap-free per receiver, entry_id
 * the idempotency key; payload is what this receiver may see (the snapshot filtered by its catalogue line,
 * or the screening change).
 */
@Entity({ tableName: 'feed_entry' })
export class FeedEntry {
  @PrimaryKey({ type: 'text' })
  receiverCode!: string;

  @PrimaryKey({ type: 'bigint' })
  seq!: string;

  @Property({ type: 'uuid' })
  @Unique()
  entryId!: string;

  @Enum({ items: () => FeedTopic, type: 'text' })
  topic!: FeedTopic;

  @Enum({ items: () => RecordKind, type: 'text', nullable: true })
  kind!: RecordKind | null;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'bigint' })
  version!: string;

  @Enum({ items: () => FeedOperation, type: 'text' })
  operation!: FeedOperation;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'integer', nullable: true })
  catalogueVersion!: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
