import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An event this subgraph has applied: written in the same transaction as the effect, so each id applies once. */
@Entity({ tableName: 'applied_event' })
export class AppliedEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 64 })
  type!: string;

  @Property({ type: 'datetime' })
  appliedAt!: Date;
}
