import { Entity, Enum, Property } from '@mikro-orm/core';
import { RecordKind } from '../../../shared/domain/vocabulary';

/**
 * 报送时限: a record is timely when reported within `days` calendar days of its
 * decision (§5: 5 days for 双公示, counted as 报送日期 − 决定日期, China time).
 */
@Entity({ tableName: 'reporting_rule' })
export class ReportingRule {
  @Enum({ items: () => RecordKind, primary: true })
  kind!: RecordKind;

  @Property()
  days!: number;

  /** §5 targets: 有效入库率 ≥ 98%, 入库时效性 ≥ 95%. */
  @Property({ type: 'double', default: 0.98 })
  acceptedTarget!: number;

  @Property({ type: 'double', default: 0.95 })
  timelyTarget!: number;

  @Property()
  source!: string;
}
