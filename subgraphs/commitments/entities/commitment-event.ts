import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { CommitmentAction } from '../rules/actions';
import './enums';

/** 信用承诺历史: one row per step, written in the same transaction as the step. */
@ObjectType({ description: '信用承诺历史' })
@Entity({ tableName: 'commitment_event' })
@Index({ properties: ['commitmentId', 'occurredAt'] })
export class CommitmentEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  commitmentId!: string;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => CommitmentAction, { description: '操作' })
  @Enum(() => CommitmentAction)
  action!: CommitmentAction;

  @Field(() => CommitmentStatus, { nullable: true, description: '原状态 (null when signed)' })
  @Enum({ items: () => CommitmentStatus, nullable: true })
  fromStatus!: CommitmentStatus | null;

  @Field(() => CommitmentStatus, { description: '新状态' })
  @Enum(() => CommitmentStatus)
  toStatus!: CommitmentStatus;

  @Field({ description: '操作人' })
  @Property()
  actorSub!: string;

  @Field(() => String, { nullable: true, description: '操作单位' })
  @Property({ length: 32, nullable: true })
  actorOrg!: string | null;

  @Field(() => String, { nullable: true, description: '说明 (履约情况、撤回原因)' })
  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: '违诺证据 (文书号或材料编号)' })
  @Property({ type: 'text', nullable: true })
  evidence!: string | null;
}
