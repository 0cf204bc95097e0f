import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Each subject's screening verdict as last stored (services/screening-verdicts.ts): a change of its entries
 * or grade that gives another verdict is announced as screening.changed with this one as previousVerdict.
 */
@Entity({ tableName: 'screening_verdict' })
export class ScreeningVerdict {
  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  /** A Verdict (CLEAR, INCENTIVE, CAUTION, RESTRICT). */
  @Property({ length: 16 })
  verdict!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
