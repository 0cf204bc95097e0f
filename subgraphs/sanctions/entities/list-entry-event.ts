import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { WorkflowStep } from '../../../shared/db/workflow-step';
import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import './enums';

/** 名单条目历史: one row per workflow step, written in the same transaction as the step. */
@ObjectType({ description: '名单条目历史' })
@Entity({ tableName: 'list_entry_event' })
@Index({ properties: ['entryId', 'occurredAt'] })
export class ListEntryEvent extends WorkflowStep {
  @Property({ type: 'uuid' })
  entryId!: string;

  @Field(() => ListAction, { description: '操作' })
  @Enum(() => ListAction)
  action!: ListAction;

  @Field(() => ListEntryStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => ListEntryStatus, nullable: true })
  fromStatus!: ListEntryStatus | null;

  @Field(() => ListEntryStatus, { description: '新状态' })
  @Enum(() => ListEntryStatus)
  toStatus!: ListEntryStatus;
}
