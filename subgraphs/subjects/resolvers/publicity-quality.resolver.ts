import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { DateScalar } from '../../../shared/graphql/scalars';
import { Department } from '../entities/department';
import type { SubjectsContext } from '../loaders';
import { publicityQuality } from '../services/publicity-quality';
import { PublicityQuality } from '../types/publicity-quality';

@Resolver(() => PublicityQuality)
export class PublicityQualityResolver {
  @Query(() => [PublicityQuality], {
    nullable: true,
    description: '各部门“双公示”报送质量 (by decision date in [from, to])',
  })
  @RequiresScopes([SCOPES.stats])
  publicityQuality(
    @Ctx() ctx: SubjectsContext,
    @Arg('from', () => DateScalar, { description: '决定日期自' }) from: string,
    @Arg('to', () => DateScalar, { description: '决定日期至 (含)' }) to: string,
    @Arg('department', () => String, { nullable: true, description: '部门代码; all departments when omitted' })
    department?: string | null,
  ): Promise<PublicityQuality[]> {
    return publicityQuality(ctx, from, to, department ?? null);
  }

  @FieldResolver(() => Department, { nullable: true, description: '报送部门' })
  department(@Root() row: PublicityQuality, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(row.departmentCode);
  }
}
