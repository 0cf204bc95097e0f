import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UpperListImportStatus } from '../entities/upper-list-import';

@ObjectType({ description: '未通过校验的条目: its index in input.entries, the field and why' })
export class UpperListRowRejection {
  @Field(() => Int, { description: '条目序号 (input.entries 中的下标, 从 0 起)' })
  index!: number;

  @Field(() => String, { nullable: true, description: '来源编号, when the row has one' })
  sourceKey!: string | null;

  @Field({ description: '字段 (sourceKey, uscc, name, decidedOn, documentNumber, authority, reason, validUntil)' })
  field!: string;

  @Field({ description: '参数路径 (input.entries[3].uscc)' })
  argument!: string;

  @Field({
    description: '原因代码 (REQUIRED, TOO_LONG, INVALID_USCC, NOT_A_DATE, FUTURE_DATE, BEFORE_DECISION, DUPLICATE)',
  })
  code!: string;

  @Field({ description: '原因' })
  message!: string;
}

@ObjectType({
  description: '上级下发名单导入结果: what it added, changed and removed; nothing is written when a row is rejected',
})
export class UpperListImportResult {
  @Field(() => ID, { description: '导入编号 (upperListImports)' })
  importId!: string;

  @Field(() => UpperListImportStatus, { description: '结果' })
  status!: UpperListImportStatus;

  @Field(() => Int, { description: '新增' })
  added!: number;

  @Field(() => Int, { description: '变更' })
  changed!: number;

  @Field(() => Int, { description: '移出' })
  removed!: number;

  @Field(() => Int, { description: '未变 (a repeated import: every entry)' })
  unchanged!: number;

  @Field(() => Int, { description: '未收录: 本区主体库中无此主体' })
  skipped!: number;

  @Field(() => [UpperListRowRejection], { description: '未通过校验的条目 (empty when applied)' })
  rejected!: UpperListRowRejection[];
}
