import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What this subgraph knows of a commitment, kept current by 'commitment.changed'
 * from the commitments subgraph (events/commitment-consumer.ts): an application
 * for repair names the subject's repair commitment, checked on these facts.
 */
@Entity({ tableName: 'commitment_fact' })
export class CommitmentFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  subjectId!: string;

  @Property({ length: 32 })
  kind!: string;

  @Property({ length: 16 })
  status!: string;

  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** When the owner last changed it: an older event never overwrites a newer one. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}
