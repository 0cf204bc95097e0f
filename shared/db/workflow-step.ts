import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What every workflow history row has (名单条目、信用承诺、信用修复案件历史): one row
 * per step, written in the same transaction as the step. Each subgraph's entity
 * adds the record it belongs to and its own action and status enums. Never in
 * the schema itself: only types a resolver reaches are emitted.
 */
@ObjectType()
export abstract class WorkflowStep {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

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
