import { Entity, Enum, Property } from '@mikro-orm/core';
import { CreditList } from '../../../shared/domain/vocabulary';

/** 名单信用修复规则: whether an entry on a list may leave it early by repair, with the source. */
@Entity({ tableName: 'list_repair_rule' })
export class ListRepairRule {
  @Enum({ items: () => CreditList, primary: true })
  list!: CreditList;

  @Property()
  repairable!: boolean;

  @Property({ type: 'text' })
  source!: string;
}
