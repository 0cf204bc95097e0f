import { Field, Float, ObjectType } from 'type-graphql';
import { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';
import '../entities/enums';

@ObjectType({
  description:
    '比对所依据的公共信用综合评价: the grade and what its 分级分类监管 rule says for a screening (from the evaluations subgraph)',
})
export class ScreeningEvaluation {
  @Field(() => CreditGrade, { description: '信用等级' })
  grade!: CreditGrade;

  @Field(() => Float, { description: '评价得分' })
  score!: number;

  @Field({ description: '容缺受理: the grade lets the application be accepted with documents to follow' })
  tolerantAcceptance!: boolean;

  @Field(() => Verdict, {
    nullable: true,
    description: '等级要求的最低比对结论 (e.g. CAUTION for D: 加强审核); null: none',
  })
  verdictFloor!: Verdict | null;

  @Field({ description: '分级分类监管规则的依据' })
  basis!: string;

  @Field(() => Date, { description: '评价时间' })
  evaluatedAt!: Date;
}
