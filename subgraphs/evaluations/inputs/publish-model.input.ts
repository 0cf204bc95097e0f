import { Field, Float, InputType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import '../entities/enums';

@InputType({ description: '评价指标 (新版本的一行)' })
export class EvaluationIndicatorInput {
  @Field({ description: '指标代码 (大写字母、数字、下划线), 版本内唯一' })
  code!: string;

  @Field({ description: '指标名称 (≤ 64 字)' })
  label!: string;

  @Field({ description: '所计事实类别, e.g. PENALTY_GENERAL_IN_PUBLICITY (docs/EVALUATION.md)' })
  fact!: string;

  @Field(() => Float, { description: '每项分值 (−100 至 100)' })
  pointsEach!: number;

  @Field(() => Float, { nullable: true, description: '分值上限, 与分值同号; 不填 = 不设上限' })
  cap?: number | null;

  @Field(() => CreditGrade, { nullable: true, description: '等级上限' })
  gradeCap?: CreditGrade | null;

  @Field(() => String, { nullable: true, description: '计数单位 (≤ 8 字), e.g. 项; 不填 = 单项事实, 不显示数量' })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: '说明后缀 (≤ 32 字), e.g. 公示期内' })
  detail?: string | null;

  @Field({ description: '依据 / 来源' })
  source!: string;
}

@InputType({ description: '等级划分 (新版本的一行)' })
export class GradeBandInput {
  @Field(() => CreditGrade)
  grade!: CreditGrade;

  @Field({ description: '等级名称 (≤ 8 字)' })
  label!: string;

  @Field(() => Float, { description: '最低分 (含); D 级为 0' })
  minScore!: number;
}

@InputType({ description: '发布公共信用综合评价模型新版本' })
export class PublishEvaluationModelInput {
  @Field({ description: '新版本号 (大写字母、数字、点、连字符, ≤ 32), e.g. GUSU-2027.1; 不得与已有版本相同' })
  version!: string;

  @Field(() => DateScalar, { nullable: true, description: '生效日期 (不早于今日); 不填 = 今日' })
  effectiveFrom?: string | null;

  @Field(() => Float, { description: '基础分 (0–100)' })
  baseScore!: number;

  @Field({ description: '依据 / 来源 (文件名称、文号)' })
  source!: string;

  @Field(() => [EvaluationIndicatorInput], { description: '评价指标 (1–64 项)' })
  indicators!: EvaluationIndicatorInput[];

  @Field(() => [GradeBandInput], { description: '等级划分: A、B、C、D 各一, 最低分递减' })
  grades!: GradeBandInput[];
}
