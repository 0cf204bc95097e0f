import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { RecordSnapshot } from '../../../shared/exchange/record-snapshot';
import { RecordKind, RecordStateValue } from './enums';

/** The latest snapshot of every catalogued record seen (reconciliation's "ours"); an older version never replaces it. */
@Entity({ tableName: 'record_state' })
@Index({ properties: ['subjectUscc'] })
export class RecordState {
  @Enum({ items: () => RecordKind, type: 'text', primary: true })
  kind!: RecordKind;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'bigint' })
  version!: string;

  @Enum({ items: () => RecordStateValue, type: 'text' })
  state!: RecordStateValue;

  @Property({ type: 'text', nullable: true })
  subjectUscc!: string | null;

  @Property({ type: 'json' })
  snapshot!: RecordSnapshot;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
