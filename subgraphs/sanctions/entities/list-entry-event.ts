import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import './enums';

/** 名单条目历史: one row per workflow step, written in the same transaction as the step. */
@ObjectType({ description: '名单条目历史' })
@Entity({ tableName: 'list_entry_event' })
@Index({ properties: ['entryId', 'occurredAt'] })
export class ListEntryEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  entryId!: string;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => ListAction, { description: '操作' })
  @Enum(() => ListAction)
  action!: ListAction;

  @Field(() => ListEntryStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => ListEntryStatus, nullable: true })
  fromStatus!: ListEntryStatus | null;

  @Field(() => ListEntryStatus, { description: '新状态' })
  @Enum(() => ListEntryStatus)
  toStatus!: ListEntryStatus;

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
