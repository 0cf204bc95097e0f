import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Severity } from '../../../shared/domain/vocabulary';

/**
 * 公示期规则: how long a penalty of a severity is published, under a regime in
 * force from a date. Rows carry their source; the defaults come from DESIGN.md
 * ("Penalty publicity and repair") and an administrator can add regimes.
 */
@Entity({ tableName: 'publicity_rule' })
export class PublicityRule {
  @PrimaryKey({ length: 32 })
  regime!: string;

  @Enum({ items: () => Severity, primary: true })
  severity!: Severity;

  @Property({ type: 'date' })
  inForceFrom!: string;

  /** Months after the decision date before a repair may be applied for; null = at once. */
  @Property({ type: 'integer', nullable: true })
  minMonths!: number | null;

  /** Months after the decision date when publicity stops by itself; 0 = not published. */
  @Property()
  maxMonths!: number;

  @Property()
  source!: string;
}
