import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Severity } from '../../../shared/domain/vocabulary';
import { PublicityMark } from '../rules/publicity';

/**
 * 行政处罚信息公示与信用修复规则: one table, owned here, of regime × severity ×
 * domain (× mark) → published or not, longest publicity, minimum before repair,
 * repairable (rules/publicity.ts applies it). Each row names its source and the
 * reading chosen; docs/rules/publicity-and-repair.md lists the defaults and how to change them.
 */
@Entity({ tableName: 'publicity_repair_rule' })
export class PublicityRepairRule {
  @PrimaryKey({ length: 32 })
  regime!: string;

  @Enum({ items: () => Severity, primary: true })
  severity!: Severity;

  /** A PenaltyDomain, or ANY. */
  @PrimaryKey({ length: 32 })
  domain!: string;

  @Enum({ items: () => PublicityMark, primary: true })
  mark!: PublicityMark;

  @Property({ type: 'date' })
  inForceFrom!: string;

  @Property()
  published!: boolean;

  /** Months after the decision date when publicity stops by itself (a marked minor penalty: the cap). */
  @Property()
  maxMonths!: number;

  /** Months after the decision date before a repair may be applied for; null = at once. */
  @Property({ type: 'integer', nullable: true })
  minMonths!: number | null;

  @Property()
  repairable!: boolean;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text', nullable: true })
  reading!: string | null;
}
