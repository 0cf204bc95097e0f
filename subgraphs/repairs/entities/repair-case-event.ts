import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { RepairAction } from '../rules/workflow';
import './enums';

/** 信用修复案件历史: one row per step, written in the same transaction as the step. */
@ObjectType({ description: '信用修复案件历史' })
@Entity({ tableName: 'repair_case_event' })
@Index({ properties: ['caseId', 'occurredAt'] })
export class RepairCaseEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => RepairAction, { description: '操作' })
  @Enum(() => RepairAction)
  action!: RepairAction;

  @Field(() => RepairStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => RepairStatus, nullable: true })
  fromStatus!: RepairStatus | null;

  @Field(() => RepairStatus, { description: '新状态' })
  @Enum(() => RepairStatus)
  toStatus!: RepairStatus;

  @Field({ description: '操作人' })
  @Property()
  actorSub!: string;

  @Field(() => String, { nullable: true, description: '操作单位' })
  @Property({ length: 32, nullable: true })
  actorOrg!: string | null;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note!: string | null;
}
