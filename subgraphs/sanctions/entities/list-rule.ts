import { Entity, Enum, Property } from '@mikro-orm/core';
import { CreditList } from '../../../shared/domain/vocabulary';

/**
 * 名单规则 per list: the objection period after notice and the reporting
 * deadline (§15). Rows name their source; the first migration inserts defaults.
 */
@Entity({ tableName: 'list_rule' })
export class ListRule {
  @Enum({ items: () => CreditList, primary: true })
  list!: CreditList;

  /** Working days after notice (告知) during which the subject may object. */
  @Property()
  objectionWorkingDays!: number;

  /** MONTHLY: by day `reportDay` of the month after the decision; WORKING_DAYS: within `reportDays` working days; null: no deadline. */
  @Property({ type: 'string', length: 16, nullable: true })
  reportDeadlineKind!: 'MONTHLY' | 'WORKING_DAYS' | null;

  @Property({ type: 'integer', nullable: true })
  reportDays!: number | null;

  @Property({ type: 'text' })
  source!: string;
}
