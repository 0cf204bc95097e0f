import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A subject's latest evaluation as the evaluations subgraph sent it ('evaluation.changed'), with what
 * its supervision rule says for a screening: the verdict floor and 容缺受理. One row per subject; an
 * event older than the stored evaluatedAt is ignored (events may arrive out of order).
 */
@Entity({ tableName: 'subject_evaluation_fact' })
export class SubjectEvaluationFact {
  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @Property({ length: 32 })
  modelVersion!: string;

  @Property({ type: 'double' })
  score!: number;

  /** A CreditGrade (A–D). */
  @Property({ length: 1 })
  grade!: string;

  @Property({ length: 1, nullable: true })
  previousGrade!: string | null;

  @Property({ type: 'datetime' })
  evaluatedAt!: Date;

  @Property()
  tolerantAcceptance!: boolean;

  /** A Verdict, or null: the grade calls for no least verdict. */
  @Property({ length: 16, nullable: true })
  verdictFloor!: string | null;

  @Property({ type: 'text' })
  basis!: string;

  /** When this subgraph stored it (the event's arrival). */
  @Property({ type: 'datetime' })
  receivedAt!: Date;
}
