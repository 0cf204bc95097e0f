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

  @Property()
  source!: string;
}
