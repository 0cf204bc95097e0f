import { Field, ID, InputType, Int } from 'type-graphql';
import { SpotCheckOutcome } from '../rules/spot-check-outcome';
import '../entities/supervision-enums';

@InputType({ description: '抽取双随机抽查名单' })
export class DrawSpotChecksInput {
  @Field({ description: '行业 (GB/T 4754 门类名称, as Subject.industry)' })
  industry!: string;

  @Field({ description: '抽查周期: YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-MM, e.g. 2026-Q4' })
  period!: string;

  @Field(() => String, { nullable: true, description: '街道; null = 全区' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: '随机种子 (1–64 字符); null = 随机生成并记录' })
  seed?: string | null;

  @Field(() => Int, { nullable: true, description: '名单上限 (检查力量不足时按比例压缩各等级); null = 按比例' })
  size?: number | null;
}

@InputType({ description: '录入抽查结果' })
export class RecordSpotCheckOutcomeInput {
  @Field(() => ID, { description: '抽查名单 id' })
  drawId!: string;

  @Field(() => ID, { description: '抽查对象 (主体 id)' })
  subjectId!: string;

  @Field(() => SpotCheckOutcome, { description: '抽查结果' })
  outcome!: SpotCheckOutcome;

  @Field(() => String, { nullable: true, description: '检查情况说明' })
  note?: string | null;
}
