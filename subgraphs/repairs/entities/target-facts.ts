import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What this subgraph knows of the records it may repair, kept current by the
 * events of the subgraphs that own them ('penalties.changed' from subjects,
 * 'list-entry.changed' from sanctions): eligibility is judged on these facts.
 */
@Entity({ tableName: 'penalty_fact' })
export class PenaltyFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  subjectId!: string;

  @Property({ length: 16 })
  severity!: string;

  @Property({ type: 'date' })
  decidedAt!: string;

  @Property({ length: 32 })
  authorityCode!: string;

  /** The department that reported it: it handles repair cases about it. */
  @Property({ length: 32 })
  dataSourceCode!: string;

  @Property({ default: false })
  revoked!: boolean;

  /**
   * Publicity and repair as subjects computes them from its rule table
   * (docs/rules/publicity-and-repair.md); repairs keeps no table of its own.
   * Null until subjects has sent them (an event from before they existed).
   */
  @Property({ length: 32, nullable: true })
  regime!: string | null;

  @Property({ type: 'boolean', nullable: true })
  published!: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  repairable!: boolean | null;

  @Property({ type: 'date', nullable: true })
  repairableFrom!: string | null;

  @Property({ type: 'date', nullable: true })
  publicityEndsAt!: string | null;

  /** When the owner last changed it: an older event never overwrites a newer one. */
  @Property({ type: 'datetime' })
  changedAt!: Date;
}

@Entity({ tableName: 'list_entry_fact' })
export class ListEntryFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  subjectId!: string;

  @Property({ length: 8 })
  list!: string;

  @Property({ length: 16 })
  status!: string;

  @Property({ length: 32 })
  decidedByCode!: string;

  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** 名单类别 and who designated the entry (谁认定、谁修复); null for facts recorded before sanctions sent them. */
  @Property({ length: 48, nullable: true })
  listKind!: string | null;

  @Property({ length: 32, nullable: true })
  designatingAuthorityKind!: string | null;

  @Property({ type: 'text', nullable: true })
  designatingAuthority!: string | null;

  /** Repaired on this platform (by its designating department); false: by its external authority, where `turnTo` says. */
  @Property({ type: 'boolean', nullable: true })
  repairableHere!: boolean | null;

  @Property({ type: 'text', nullable: true })
  turnTo!: string | null;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/**
 * The other records a subject may object to (异议) but not repair: licences and other actions
 * (subjects' 'licenses.changed', 'actions.changed') and the district evaluation (evaluations'
 * 'evaluation.changed', keyed by the subject's id). Only what routing an objection needs.
 */
@Entity({ tableName: 'objectable_record_fact' })
export class ObjectableRecordFact {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** LICENSE, ACTION or EVALUATION (ObjectionTarget). */
  @Property({ length: 16 })
  kind!: string;

  @Property({ type: 'uuid', index: true })
  subjectId!: string;

  /** The department that reported it, which decides the objection; null: the credit office (the evaluation). */
  @Property({ length: 32, nullable: true })
  ownerCode!: string | null;

  /** No longer shown (a licence made 无效, an action withdrawn): nothing left to object to. */
  @Property({ default: false })
  withdrawn!: boolean;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
