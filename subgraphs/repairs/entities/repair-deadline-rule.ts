import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 信用修复办理时限: working days to accept (受理) an application and to decide
 * it after acceptance. One row is active; other places' limits wait as inactive
 * rows, each with its source.
 */
@Entity({ tableName: 'repair_deadline_rule' })
@Index({
  name: 'repair_deadline_rule_one_active',
  expression: `create unique index "repair_deadline_rule_one_active" on "repairs"."repair_deadline_rule" ("active") where "active"`,
})
export class RepairDeadlineRule {
  @PrimaryKey({ length: 32 })
  scope!: string;

  @Property()
  active!: boolean;

  @Property()
  intakeWorkingDays!: number;

  @Property()
  decisionWorkingDays!: number;

  @Property({ type: 'text' })
  source!: string;
}
