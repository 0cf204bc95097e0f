import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { WorkflowStep } from '../../../shared/db/workflow-step';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { RepairAction } from '../rules/workflow';
import './enums';

/** 信用修复案件历史: one row per step, written in the same transaction as the step. */
@ObjectType({ description: '信用修复案件历史' })
@Entity({ tableName: 'repair_case_event' })
@Index({ properties: ['caseId', 'occurredAt'] })
export class RepairCaseEvent extends WorkflowStep {
  @Property({ type: 'uuid' })
  caseId!: string;

  @Field(() => RepairAction, { description: '操作' })
  @Enum(() => RepairAction)
  action!: RepairAction;

  @Field(() => RepairStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => RepairStatus, nullable: true })
  fromStatus!: RepairStatus | null;

  @Field(() => RepairStatus, { description: '新状态' })
  @Enum(() => RepairStatus)
  toStatus!: RepairStatus;
}
