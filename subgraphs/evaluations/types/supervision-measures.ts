import { Field, Float, ObjectType } from 'type-graphql';
import { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';
import '../../../shared/graphql/screening-enums';
import type { SupervisionRule } from '../entities/supervision-rule';

/** The measures a subject's grade calls for in its industry: the supervision rule that applies to it. */
@ObjectType({ description: '分级分类监管措施 (按信用等级和行业)' })
export class SupervisionMeasures {
  @Field(() => CreditGrade, { description: '信用等级' })
  grade!: CreditGrade;

  @Field(() => String, { nullable: true, description: '规则所属行业; null = 适用于所有行业的规则' })
  industry!: string | null;

  @Field(() => Float, { description: '双随机、一公开 抽查比例 (0–1)' })
  spotCheckRatio!: number;

  @Field({ description: '是否可容缺受理' })
  tolerantAcceptance!: boolean;

  @Field(() => Verdict, { nullable: true, description: '比对结论下限; null = 无' })
  verdictFloor!: Verdict | null;

  @Field(() => [String], { description: '监管措施' })
  measures!: string[];

  @Field({ description: '依据' })
  basis!: string;
}

export function measuresOf(rule: SupervisionRule): SupervisionMeasures {
  const { grade, industry, spotCheckRatio, tolerantAcceptance, verdictFloor, measures, basis } = rule;
  return { grade, industry, spotCheckRatio, tolerantAcceptance, verdictFloor, measures, basis };
}
