import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** How far one receiver's feed has been pushed, and how the batch in hand is failing (services/push-worker.ts). */
@Entity({ tableName: 'delivery_state' })
export class DeliveryState {
  @PrimaryKey({ type: 'text' })
  receiverCode!: string;

  /** The last seq the receiver acknowledged (2xx), or a dead letter passed. */
  @Property({ type: 'bigint' })
  deliveredSeq!: string;

  /** Failed attempts of the batch in hand (0 after a success). */
  @Property({ type: 'integer' })
  attempts!: number;

  /** The first failure of the batch in hand: after EXCHANGE_PUSH_DEAD_LETTER_AFTER of failing it is set aside. */
  @Property({ type: 'datetime', nullable: true })
  failingSince!: Date | null;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError!: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastSuccessAt!: Date | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
