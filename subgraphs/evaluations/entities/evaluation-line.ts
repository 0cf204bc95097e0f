import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '评价说明的一行, e.g. "−12: 一般行政处罚 2 项, 公示期内"' })
export class EvaluationLine {
  @Field({ description: '指标代码' })
  indicator!: string;

  @Field({ description: '指标名称' })
  label!: string;

  @Field(() => Int, { description: '事实数' })
  count!: number;

  @Field(() => Float, { description: '分值 (有符号, 已计上限)' })
  points!: number;

  @Field({ description: '说明文字' })
  text!: string;

  @Field({ description: '依据 / 来源' })
  source!: string;
}
