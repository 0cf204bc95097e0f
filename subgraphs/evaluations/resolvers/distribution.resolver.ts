import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import '../entities/enums';
import type { EvaluationsContext } from '../loaders';
import { gradeDistribution } from '../repositories/distribution';
import { DistributionDimension } from '../rules/distribution';

@ObjectType({ description: '信用等级分布的一行 (未选的维度为 null)' })
export class GradeDistributionRow {
  @Field(() => CreditGrade, { nullable: true, description: '等级' })
  grade!: CreditGrade | null;

  @Field(() => String, { nullable: true, description: '所属行业 (GB/T 4754 门类)' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: '街道' })
  street!: string | null;

  @Field(() => Int, { description: '主体数' })
  subjects!: number;
}

@Resolver()
export class GradeDistributionResolver {
  @Query(() => [GradeDistributionRow], {
    description: '信用等级分布 (credit:stats): 已评价的市场主体按等级、行业、街道计数; 可按行业、街道筛选',
  })
  @RequiresScopes([SCOPES.stats])
  gradeDistribution(
    @Ctx() ctx: EvaluationsContext,
    @Arg('by', () => [DistributionDimension], { description: '分组维度 (可为空: 合计)' }) by: DistributionDimension[],
    @Arg('industry', () => String, { nullable: true, description: '仅此行业' }) industry: string | null,
    @Arg('street', () => String, { nullable: true, description: '仅此街道' }) street: string | null,
  ): Promise<GradeDistributionRow[]> {
    return gradeDistribution(ctx.em, by, { industry, street });
  }
}
