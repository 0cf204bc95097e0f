import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    '投递失败的事件 (dead letter): retried with back-off and still failing; the effect it carries has not happened',
})
export class DeadLetter {
  @Field(() => ID, { description: '事件 id' })
  eventId!: string;

  @Field({ description: '事件类型, e.g. penalty.repaired' })
  type!: string;

  @Field({ description: '消费队列, e.g. subjects.penalty-repaired' })
  queue!: string;

  @Field(() => GraphQLJSONObject, { description: '事件内容' })
  payload!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: '最后一次失败的原因' })
  error!: string | null;

  @Field({ description: '进入死信的时间' })
  failedAt!: Date;

  @Field(() => Int, { description: '死信已存在的秒数 (how long it has waited, as of this answer)' })
  ageSeconds!: number;
}
