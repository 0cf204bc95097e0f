import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Severity } from '../../../shared/domain/vocabulary';

/**
 * 行政处罚信息修复规则: whether and when a penalty of a severity may be
 * repaired, under a regime in force from a date. Rows carry their source; the
 * defaults (rules/defaults.ts) come from DESIGN.md, and an administrator adds regimes.
 */
@Entity({ tableName: 'repair_rule' })
export class RepairRule {
  @PrimaryKey({ length: 32 })
  regime!: string;

  @Enum({ items: () => Severity, primary: true })
  severity!: Severity;

  @Property({ type: 'date' })
  inForceFrom!: string;

  /** False: the regime does not publish this severity, so there is nothing to repair. */
  @Property()
  repairable!: boolean;

  /** Months after the decision date before a repair may be applied for; null = at once. */
  @Property({ type: 'integer', nullable: true })
  minMonths!: number | null;

  /** Months after the decision date when publicity ends by itself; null = it does not. */
  @Property({ type: 'integer', nullable: true })
  maxMonths!: number | null;

  @Property({ type: 'text' })
  source!: string;
}
