import { Field, Float, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';
import type { EvaluationRowInput } from '../rules/evaluation-import-rows';

@InputType({
  description:
    '一条评价结果 (文件导入的列: 统一社会信用代码, 主体名称, 评价等级, 评价得分, 评价周期, 评价模型, 评价日期)',
})
export class EvaluationResultRowInput implements EvaluationRowInput {
  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field(() => String, { nullable: true, description: '主体名称 (仅供核对, 以代码匹配主体)' })
  name?: string | null;

  @Field({ description: '评价等级 (来源等级表之一)' })
  grade!: string;

  @Field(() => Float, { nullable: true, description: '评价得分' })
  score?: number | null;

  @Field({ description: '评价周期: YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-MM' })
  period!: string;

  @Field(() => String, { nullable: true, description: '评价模型' })
  model?: string | null;

  @Field(() => DateScalar, { description: '评价日期' })
  evaluatedOn!: string;
}

@InputType({ description: '评价结果导入 (每批至多 5,000 条, 逐条校验; 同一来源同一批次号只入库一次)' })
export class ImportEvaluationResultsInput {
  @Field({ description: '评价来源代码 (EvaluationSource.code)' })
  source!: string;

  @Field({ description: '批次号 (1–64 字符, 由报送方给出: 重试时原样重发)' })
  batchKey!: string;

  @Field(() => [EvaluationResultRowInput], { description: '评价结果行' })
  rows!: EvaluationResultRowInput[];
}
