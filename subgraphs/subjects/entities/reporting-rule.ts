import { Entity, Enum, Property } from '@mikro-orm/core';
import { RecordKind } from '../../../shared/domain/vocabulary';

/** How a reporting deadline counts its days. */
export type DayUnit = 'CALENDAR' | 'WORKING';

/**
 * 报送时限: a record is timely when it enters the platform within `days` days of
 * its decision (§5: 5 calendar days for 双公示, 报送日期 − 决定日期, China time;
 * 7 working days for the other eight administrative actions).
 */
@Entity({ tableName: 'reporting_rule' })
export class ReportingRule {
  @Enum({ items: () => RecordKind, primary: true })
  kind!: RecordKind;

  @Property()
  days!: number;

  @Property({ type: 'string', length: 16, default: 'CALENDAR' })
  dayUnit!: DayUnit;

  /** §5 targets: 有效入库率 ≥ 98%, 入库时效性 ≥ 95%. */
  @Property({ type: 'double', default: 0.98 })
  acceptedTarget!: number;

  @Property({ type: 'double', default: 0.95 })
  timelyTarget!: number;

  @Property()
  source!: string;
}
