import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The subjects to grade, as subjects.registered describes them: only a 市场主体 with a USCC that is
 * not a natural person gets a grade; industry and street group the distribution.
 */
@Entity({ tableName: 'subject_index' })
export class SubjectIndex {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 18, nullable: true })
  uscc!: string | null;

  @Property({ type: 'text' })
  name!: string;

  /** Null from events written before issue 16 (graded while it has a USCC). */
  @Property({ length: 32, nullable: true })
  kind!: string | null;

  @Property({ type: 'text', nullable: true })
  industry!: string | null;

  @Property({ type: 'text', nullable: true })
  street!: string | null;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
