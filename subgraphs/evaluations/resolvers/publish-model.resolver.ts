import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { badUserInput } from '../../../shared/graphql/errors';
import { createLogger } from '../../../shared/logging/logger';
import { EvaluationModel } from '../entities/evaluation-model';
import { PublishEvaluationModelInput } from '../inputs/publish-model.input';
import type { EvaluationsContext } from '../loaders';
import { draftProblem, ModelDraft } from '../rules/validate-model';
import { publishModel } from '../services/publish-model';
import { sweepEvaluations } from '../services/sweep';

const logger = createLogger('evaluations');

@Resolver()
export class PublishEvaluationModelResolver {
  @Mutation(() => EvaluationModel, {
    description:
      '发布公共信用综合评价模型新版本 (evaluations:manage, 区信用办): indicators and bands as data, checked whole; a published version is never changed. Effective today, it replaces the one in force and the whole district is regraded in the background at once (or by `npm run evaluate`); a later date takes effect then (the hourly sweep regrades).',
  })
  @RequiresScopes([SCOPES.evaluationsManage])
  async publishEvaluationModel(
    @Ctx() ctx: EvaluationsContext,
    @Arg('input', () => PublishEvaluationModelInput) input: PublishEvaluationModelInput,
  ): Promise<EvaluationModel> {
    const draft: ModelDraft = {
      version: input.version,
      effectiveFrom: input.effectiveFrom ?? ctx.today,
      baseScore: input.baseScore,
      source: input.source,
      indicators: input.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        fact: i.fact,
        pointsEach: i.pointsEach,
        cap: i.cap ?? null,
        gradeCap: i.gradeCap ?? null,
        unit: i.unit ?? null,
        detail: i.detail ?? null,
        source: i.source,
      })),
      grades: input.grades.map((b) => ({ grade: b.grade, label: b.label, minScore: b.minScore })),
    };
    const versions = (await ctx.em.find(EvaluationModel, {}, { fields: ['version'] })).map((m) => m.version);
    const problem = draftProblem(draft, ctx.today, versions);
    if (problem) throw badUserInput(problem.field, problem.message);
    const model = await publishModel(ctx.em, draft, ctx.today);
    // After the commit, in the background: the answer does not wait for the district to be regraded.
    if (draft.effectiveFrom <= ctx.today)
      void sweepEvaluations(ctx.em.fork(), logger).catch((error: unknown) =>
        logger.error({ err: error }, 'regrading after a new model failed: the hourly sweep retries'),
      );
    return model;
  }
}
