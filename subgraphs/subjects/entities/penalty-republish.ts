import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * Penalties whose facts are to be sent again on 'penalties.changed' (a
 * migration queues them when the facts gain fields, e.g. the publicity facts
 * repairs now receives); services/republish-penalties.ts drains it after start.
 */
@Entity({ tableName: 'penalty_republish' })
export class PenaltyRepublish {
  @PrimaryKey({ type: 'uuid' })
  penaltyId!: string;
}
