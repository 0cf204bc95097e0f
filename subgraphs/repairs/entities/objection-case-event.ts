import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { WorkflowStep } from '../../../shared/db/workflow-step';
import { ObjectionStatus } from '../../../shared/domain/vocabulary';
import { ObjectionAction } from '../rules/objection-workflow';
import './enums';

/** 异议案件历史: one row per step, written in the same transaction as the step. */
@ObjectType({ description: '异议案件历史' })
@Entity({ tableName: 'objection_case_event' })
@Index({ properties: ['caseId', 'occurredAt'] })
export class ObjectionCaseEvent extends WorkflowStep {
  @Property({ type: 'uuid' })
  caseId!: string;

  @Field(() => ObjectionAction, { description: '操作' })
  @Enum(() => ObjectionAction)
  action!: ObjectionAction;

  @Field(() => ObjectionStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => ObjectionStatus, nullable: true })
  fromStatus!: ObjectionStatus | null;

  @Field(() => ObjectionStatus, { description: '新状态' })
  @Enum(() => ObjectionStatus)
  toStatus!: ObjectionStatus;
}
