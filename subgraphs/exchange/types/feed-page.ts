import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FeedOperation, FeedTopic, RecordKind } from '../entities/enums';

/** One entry of a receiver's feed as pulled (and pushed: the same shape, docs/EXCHANGE.md "The feed"). */
@ObjectType({ description: '变更流条目 (拉取与推送同一格式)' })
export class ExchangeFeedEntry {
  @Field({ description: '序号 (该接收方内连续递增, 十进制字符串)' })
  seq!: string;

  @Field(() => ID, { description: '条目编号 = 幂等键: 接收方对同一 entryId 只应用一次' })
  entryId!: string;

  @Field(() => FeedTopic, { description: '主题' })
  topic!: FeedTopic;

  @Field(() => RecordKind, { nullable: true, description: '信息类别 (RECORD)' })
  kind!: RecordKind | null;

  @Field({ description: '记录键 (RECORD: 报送方的记录编号; SCREENING: 统一社会信用代码)' })
  key!: string;

  @Field({ description: '版本 (十进制字符串): 接收方保留最高版本, 迟到的旧版本忽略' })
  version!: string;

  @Field(() => FeedOperation, { description: '操作' })
  operation!: FeedOperation;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '共享信息 (RecordSnapshot, 字段按目录过滤); RECORD 条目',
  })
  record!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '比对结果变化 (ScreeningChange); SCREENING 条目' })
  screening!: Record<string, unknown> | null;

  @Field({ description: '写入时间' })
  createdAt!: Date;
}

@ObjectType({ description: '变更流一页 (按序号升序)' })
export class ExchangeFeedPage {
  @Field(() => [ExchangeFeedEntry], { description: '条目' })
  entries!: ExchangeFeedEntry[];

  @Field({ description: '本页最后序号 (无条目时 = after): 下一页的 after' })
  lastSeq!: string;

  @Field({ description: '其后是否还有条目' })
  hasMore!: boolean;
}

@ObjectType({ description: '监测主体' })
export class WatchedSubject {
  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field({ description: '加入时间' })
  createdAt!: Date;
}

@ObjectType({ description: '监测名单一页 (按代码升序)' })
export class WatchPage {
  @Field(() => [WatchedSubject], { description: '监测主体' })
  subjects!: WatchedSubject[];

  @Field(() => String, { nullable: true, description: '本页最后代码: 下一页的 after' })
  endCursor!: string | null;

  @Field({ description: '其后是否还有' })
  hasMore!: boolean;
}

@ObjectType({ description: '监测名单变更结果' })
export class WatchChange {
  @Field(() => Int, { description: '本次加入或移除的代码数 (已在或不在的不计)' })
  changed!: number;

  @Field(() => Int, { description: '变更后的监测主体总数' })
  watched!: number;
}
