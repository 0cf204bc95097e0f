import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { DeadlineKind } from '../rules/rule-rows';

/**
 * 办理时限 of the cases filed here — 信用修复 (kind REPAIR) and 异议 (kind OBJECTION):
 * working days to accept (受理) an application and to decide it after acceptance.
 * One row of each kind is active; other places' limits wait as inactive rows, each
 * with its source.
 */
@Entity({ tableName: 'repair_deadline_rule' })
@Index({
  name: 'repair_deadline_rule_one_active',
  expression: `create unique index "repair_deadline_rule_one_active" on "repairs"."repair_deadline_rule" ("kind") where "active"`,
})
export class RepairDeadlineRule {
  @PrimaryKey({ length: 32 })
  scope!: string;

  @Property({ length: 16, default: 'REPAIR' })
  kind!: DeadlineKind;

  @Property()
  active!: boolean;

  @Property()
  intakeWorkingDays!: number;

  @Property()
  decisionWorkingDays!: number;

  @Property({ type: 'text' })
  source!: string;
}
