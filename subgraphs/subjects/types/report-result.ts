import { Field, Int, ObjectType } from 'type-graphql';
import { FieldProblemType } from '../entities/field-problem';

@ObjectType({ description: '退回的记录: 已保存，可更正后重新报送' })
export class RecordRejection {
  @Field(() => Int, { description: '在 records 中的位置 (从 0 起)' })
  index!: number;

  @Field(() => Int, { nullable: true, description: '文件中的行号' })
  rowNumber!: number | null;

  @Field(() => String, { nullable: true, description: '文书号' })
  documentNo!: string | null;

  @Field(() => [FieldProblemType], { description: '逐字段的退回原因' })
  reasons!: FieldProblemType[];
}

@ObjectType({ description: '报送结果: accepted = created + updated + unchanged' })
export class ReportResult {
  @Field(() => Int, { description: '收到的记录数' })
  received!: number;

  @Field(() => Int, { description: '有效入库数' })
  accepted!: number;

  @Field(() => Int, { description: '退回数' })
  rejected!: number;

  @Field(() => Int, { description: '新增' })
  created!: number;

  @Field(() => Int, { description: '更新 (同一机关、同一文书号的重新报送)' })
  updated!: number;

  @Field(() => Int, { description: '与已入库内容相同，未改动' })
  unchanged!: number;

  @Field(() => [RecordRejection], { description: '退回的记录及原因' })
  rejections!: RecordRejection[];
}
