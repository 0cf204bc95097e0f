import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { WorkflowStep } from '../../../shared/db/workflow-step';
import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { CommitmentAction } from '../rules/actions';
import './enums';

/** 信用承诺历史: one row per step, written in the same transaction as the step. */
@ObjectType({ description: '信用承诺历史' })
@Entity({ tableName: 'commitment_event' })
@Index({ properties: ['commitmentId', 'occurredAt'] })
export class CommitmentEvent extends WorkflowStep {
  @Property({ type: 'uuid' })
  commitmentId!: string;

  @Field(() => CommitmentAction, { description: '操作' })
  @Enum(() => CommitmentAction)
  action!: CommitmentAction;

  @Field(() => CommitmentStatus, { nullable: true, description: '原状态 (null when signed)' })
  @Enum({ items: () => CommitmentStatus, nullable: true })
  fromStatus!: CommitmentStatus | null;

  @Field(() => CommitmentStatus, { description: '新状态' })
  @Enum(() => CommitmentStatus)
  toStatus!: CommitmentStatus;

  @Field(() => String, { nullable: true, description: '违诺证据 (文书号或材料编号)' })
  @Property({ type: 'text', nullable: true })
  evidence!: string | null;
}
