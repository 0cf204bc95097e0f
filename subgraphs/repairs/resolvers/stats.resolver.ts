import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { periodArguments } from '../../../shared/graphql/arguments';
import { DateScalar } from '../../../shared/graphql/scalars';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';
import { repairStatistics } from '../rules/stats';

@ObjectType({ description: '信用修复办理情况: what became of the applications made in a period' })
export class RepairStats {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => Int, { description: '申请数' })
  submitted!: number;

  @Field(() => Int, { description: '办理中 (已申请、已受理)' })
  open!: number;

  @Field(() => Int, { description: '准予修复' })
  approved!: number;

  @Field(() => Int, { description: '不予修复' })
  denied!: number;

  @Field(() => Int, { description: '不予受理' })
  rejectedAtIntake!: number;

  @Field(() => Int, { description: '撤回' })
  withdrawn!: number;

  @Field(() => Float, { description: '准予率: 准予 / (准予 + 不予修复); 0 when none was decided' })
  approvalRate!: number;

  @Field(() => Float, {
    nullable: true,
    description: '申请至决定的自然日数中位数 (准予或不予修复的案件); null when none',
  })
  medianDaysToDecision!: number | null;
}

/** The instant a China date begins. */
const chinaMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

@Resolver()
export class RepairStatsResolver {
  @Query(() => RepairStats, {
    nullable: true,
    description: '信用修复办理情况 (credit:stats), for the applications made in [from, to] (China dates)',
  })
  @RequiresScopes([SCOPES.stats])
  async repairStats(
    @Ctx() ctx: RepairsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<RepairStats> {
    periodArguments(from, to);
    const end = chinaMidnight(to);
    end.setUTCDate(end.getUTCDate() + 1);
    const cases = await ctx.em.find(
      RepairCase,
      { submittedAt: { $gte: chinaMidnight(from), $lt: end } },
      { fields: ['status', 'submittedAt', 'decidedAt'] },
    );
    return { from, to, ...repairStatistics(cases) };
  }
}
