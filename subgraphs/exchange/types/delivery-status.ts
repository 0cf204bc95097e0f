import { Field, Int, ObjectType } from 'type-graphql';

/** What deliveryStatus tells of one receiver's push (推送状态). Seqs are decimal strings, as in the feed. */
@ObjectType({ description: '推送状态' })
export class DeliveryStatus {
  @Field({ description: '接收方代码' })
  receiver!: string;

  @Field({ description: '是否启用推送 (启用且登记了推送地址)' })
  pushEnabled!: boolean;

  @Field({ description: '已送达序号 (对方以 2xx 确认的最后一条, 或已转入死信的最后一条)' })
  deliveredSeq!: string;

  @Field({ description: '最新序号' })
  lastSeq!: string;

  @Field({ description: '积压条数 (最新序号 − 已送达序号)' })
  backlog!: string;

  @Field(() => Int, { description: '当前批次已失败次数' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: '下次尝试时间 (退避中)' })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: '最后一次错误' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: '最后一次成功送达时间' })
  lastSuccessAt!: Date | null;

  @Field(() => Int, { description: '死信批次数 (未重发成功的)' })
  deadLetters!: number;
}
