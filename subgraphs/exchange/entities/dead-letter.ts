import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A batch the push worker set aside after failing for EXCHANGE_PUSH_DEAD_LETTER_AFTER (死信): the feed
 * moved on past it; replayDeadLetters sends its entries again, with their own entry ids.
 */
@ObjectType('PushDeadLetter', { description: '推送死信 (推送失败超时而搁置的批次)' })
@Entity({ tableName: 'dead_letter' })
@Index({ properties: ['receiverCode', 'createdAt'] })
export class DeadLetter {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '接收方代码' })
  @Property({ type: 'text' })
  receiverCode!: string;

  @Field({ description: '起始序号 (含)' })
  @Property({ type: 'bigint' })
  fromSeq!: string;

  @Field({ description: '结束序号 (含)' })
  @Property({ type: 'bigint' })
  toSeq!: string;

  @Field({ description: '失败次数' })
  @Property({ type: 'integer' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: '最后一次错误' })
  @Property({ type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => Date, { description: '搁置时间' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: '要求重发的时间' })
  @Property({ type: 'datetime', nullable: true })
  replayRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '重发成功的时间' })
  @Property({ type: 'datetime', nullable: true })
  replayedAt!: Date | null;
}
