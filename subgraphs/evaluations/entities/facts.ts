import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What this subgraph knows of other subgraphs' records, kept current by their events
 * (penalties.changed, list-entry.changed, commitment.changed, licenses.changed, the repairs):
 * the facts the model's indicators count. A late, older event changes nothing (changed_at).
 */
@Entity({ tableName: 'penalty_fact' })
@Index({ properties: ['subjectId'] })
export class PenaltyFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ length: 16 })
  severity!: string;

  @Property()
  revoked!: boolean;

  /** Subjects' publicity facts; null until sent (an event from before they existed). */
  @Property({ type: 'boolean', nullable: true })
  published!: boolean | null;

  @Property({ type: 'date', nullable: true })
  publicityEndsAt!: string | null;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

@Entity({ tableName: 'list_entry_fact' })
@Index({ properties: ['subjectId'] })
export class ListEntryFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ length: 8 })
  list!: string;

  @Property({ length: 16 })
  status!: string;

  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

@Entity({ tableName: 'commitment_fact' })
@Index({ properties: ['subjectId'] })
export class CommitmentFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ length: 32 })
  kind!: string;

  @Property({ length: 16 })
  status!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

@Entity({ tableName: 'license_fact' })
@Index({ properties: ['subjectId'] })
export class LicenseFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'date' })
  decidedAt!: string;

  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Property()
  revoked!: boolean;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** An approved repair (penalty.repaired, list-entry.repaired), by its target: the target's fact names the subject. */
@Entity({ tableName: 'repair_fact' })
export class RepairFact {
  @PrimaryKey({ type: 'uuid' })
  targetId!: string;

  @Property({ type: 'uuid' })
  repairCaseId!: string;

  @Property({ type: 'datetime' })
  decidedAt!: Date;
}
