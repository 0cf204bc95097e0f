import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ExchangeAction } from './enums';

/** 共享交换变更记录: every catalogue publication and receiver change, who and when; rows are only ever added. */
@ObjectType({ description: '共享交换变更记录 (目录发布、接收方登记与变更)' })
@Entity({ tableName: 'exchange_change' })
@Index({ properties: ['receiverCode', 'occurredAt'] })
export class ExchangeChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ExchangeAction)
  @Enum({ items: () => ExchangeAction, type: 'text' })
  action!: ExchangeAction;

  @Field(() => String, { nullable: true, description: '接收方代码 (接收方的变更)' })
  @Property({ type: 'text', nullable: true })
  receiverCode!: string | null;

  @Field(() => Int, { nullable: true, description: '目录版本 (目录发布)' })
  @Property({ type: 'integer', nullable: true })
  catalogueVersion!: number | null;

  @Field({ description: '操作人 (sub)' })
  @Property({ type: 'text' })
  actorSub!: string;

  @Field(() => String, { nullable: true, description: '操作单位' })
  @Property({ type: 'text', nullable: true })
  actorOrg!: string | null;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => GraphQLJSONObject, { description: '变更内容 (推送密钥只记"已设置", 从不记录其值)' })
  @Property({ type: 'json' })
  detail!: Record<string, unknown>;
}
