import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { EvaluationIndicator } from '../entities/evaluation-indicator';
import { EvaluationModel } from '../entities/evaluation-model';
import { GradeBand } from '../entities/grade-band';
import type { EvaluationsContext } from '../loaders';
import { modelInForce } from '../repositories/models';

/** The published model is public: a subject may see how it is graded. */
@Resolver(() => EvaluationModel)
export class EvaluationModelResolver {
  @Query(() => EvaluationModel, {
    nullable: true,
    description: '公共信用综合评价模型: 指定版本, 或 (不指定) 现行版本',
  })
  @RequiresScopes([SCOPES.public])
  evaluationModel(
    @Ctx() ctx: EvaluationsContext,
    @Arg('version', () => String, { nullable: true, description: '模型版本; 不填 = 现行' }) version: string | null,
  ): Promise<EvaluationModel | null> {
    return version === null
      ? modelInForce(ctx.em, ctx.today)
      : ctx.em.findOne(EvaluationModel, { version: version.slice(0, 32) });
  }

  @Query(() => [EvaluationModel], { description: '公共信用综合评价模型的全部版本 (生效日期新者在前)' })
  @RequiresScopes([SCOPES.public])
  evaluationModels(@Ctx() ctx: EvaluationsContext): Promise<EvaluationModel[]> {
    return ctx.em.find(EvaluationModel, {}, { orderBy: { effectiveFrom: 'desc', version: 'desc' } });
  }

  @FieldResolver(() => [EvaluationIndicator], { description: '评价指标' })
  indicators(@Root() model: EvaluationModel, @Ctx() ctx: EvaluationsContext): Promise<EvaluationIndicator[]> {
    return ctx.loaders.indicatorsByModel.load(model.version);
  }

  @FieldResolver(() => [GradeBand], { description: '等级划分 (最低分高者在前)' })
  grades(@Root() model: EvaluationModel, @Ctx() ctx: EvaluationsContext): Promise<GradeBand[]> {
    return ctx.loaders.gradesByModel.load(model.version);
  }
}
