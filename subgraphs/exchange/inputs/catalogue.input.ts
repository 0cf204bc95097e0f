import { Field, InputType } from 'type-graphql';
import { RecordKind } from '../entities/enums';

@InputType({ description: '共享交换目录条目 (发布整份目录时的一行)' })
export class CatalogueLineInput {
  @Field({ description: '接收方代码 (已登记)' })
  receiverCode!: string;

  @Field(() => RecordKind, { description: '信息类别' })
  kind!: RecordKind;

  @Field(() => [String], { nullable: true, description: '共享字段 (1–64 个字段名); 不填 = 全部字段' })
  fields?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: '含身份证号 (idNumber); 不填 = 否' })
  includeIdNumber?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'PENALTY: 轻微失信处罚不论是否公示一律共享; 不填 = 否 (仅公示中的, 令第36号: 原则上不予公示)',
  })
  includeMinor?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'LIST_ENTRY: 名单类别 (RED, BLACK, WATCH); 不填 = 全部' })
  lists?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'LIST_ENTRY: 认定单位类别 (LOCAL_DEPARTMENT, CREDIT_OFFICE, COURT, TAX, UPPER_PLATFORM); 不填 = 全部',
  })
  authorityKinds?: string[] | null;
}
