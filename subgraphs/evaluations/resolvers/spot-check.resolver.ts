import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { PageArgs, Paged } from '../../../shared/graphql/pagination';
import { SpotCheckDraw } from '../entities/spot-check-draw';
import { SpotCheckItem } from '../entities/spot-check-item';
import { DrawSpotChecksInput, RecordSpotCheckOutcomeInput } from '../inputs/spot-check.input';
import type { EvaluationsContext } from '../loaders';
import { drawSpotChecks, recordSpotCheckOutcome, spotCheckDraw, spotCheckDraws } from '../services/spot-checks';
import { SpotCheckDrawConnection } from '../types/spot-check-draw-connection';

/** 双随机、一公开: draws that follow the supervision rules, and their outcomes. */
@Resolver(() => SpotCheckDraw)
export class SpotCheckResolver {
  @Mutation(() => SpotCheckDraw, {
    nullable: true,
    description:
      '抽取双随机抽查名单: 该行业 (街道) 已评价的主体按等级的抽查比例抽取 (向上取整), 随机种子可重现; 每次抽取都记录 (部门、时间、种子、比例、对象数)',
  })
  @RequiresScopes([SCOPES.inspectionsDraw])
  drawSpotChecks(
    @Ctx() ctx: EvaluationsContext,
    @Arg('input', () => DrawSpotChecksInput) input: DrawSpotChecksInput,
  ): Promise<SpotCheckDraw> {
    return drawSpotChecks(ctx, input);
  }

  @Query(() => SpotCheckDraw, { nullable: true, description: '抽查名单 (抽取部门或区信用办)' })
  @RequiresScopes([SCOPES.inspectionsDraw])
  spotCheckDraw(
    @Ctx() ctx: EvaluationsContext,
    @Arg('id', () => ID, { description: '抽查名单 id' }) id: string,
  ): Promise<SpotCheckDraw | null> {
    return spotCheckDraw(ctx, id);
  }

  @Paged()
  @Query(() => SpotCheckDrawConnection, {
    nullable: true,
    description: '本部门的抽查名单 (新者在前); 区信用办看到全部',
  })
  @RequiresScopes([SCOPES.inspectionsDraw])
  spotCheckDraws(@Ctx() ctx: EvaluationsContext, @Args() pageArgs: PageArgs): Promise<SpotCheckDrawConnection> {
    return spotCheckDraws(ctx, pageArgs);
  }

  @Mutation(() => SpotCheckItem, {
    nullable: true,
    description: '录入抽查结果 (抽取部门或区信用办): 结果计入该主体的评价 (SPOT_CHECK_*), 已录入的结果不可改为其他结果',
  })
  @RequiresScopes([SCOPES.inspectionsDraw])
  recordSpotCheckOutcome(
    @Ctx() ctx: EvaluationsContext,
    @Arg('input', () => RecordSpotCheckOutcomeInput) input: RecordSpotCheckOutcomeInput,
  ): Promise<SpotCheckItem> {
    return recordSpotCheckOutcome(ctx, input);
  }

  @FieldResolver(() => [SpotCheckItem], { description: '抽中的对象 (按等级, 每个等级按抽取顺序)' })
  items(@Root() draw: SpotCheckDraw, @Ctx() ctx: EvaluationsContext): Promise<SpotCheckItem[]> {
    return ctx.loaders.itemsByDraw.load(draw.id);
  }
}
