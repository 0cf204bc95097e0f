import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { EvaluationResult } from '../entities/evaluation-result';
import { SubjectRef } from '../entities/stubs';
import type { EvaluationsContext } from '../loaders';
import { pickSupervisionRule } from '../rules/supervision-rule';
import { measuresOf, SupervisionMeasures } from '../types/supervision-measures';

/** The imported results and the supervision measures on a Subject (beside CORE's creditEvaluation). */
@Resolver(() => SubjectRef)
export class SubjectSupervisionResolver {
  @FieldResolver(() => [EvaluationResult], {
    nullable: true,
    description: '外部评价结果: 每个来源的最新一条 (全国公共信用综合评价、部门行业信用评价)',
  })
  @RequiresScopes([SCOPES.read])
  evaluationResults(@Root() subject: SubjectRef, @Ctx() ctx: EvaluationsContext): Promise<EvaluationResult[]> {
    return ctx.loaders.latestResultsBySubject.load(subject.id);
  }

  @FieldResolver(() => SupervisionMeasures, {
    nullable: true,
    description: '分级分类监管措施 (按本区评价等级和所属行业); null = 未评价',
  })
  @RequiresScopes([SCOPES.read])
  async supervision(@Root() subject: SubjectRef, @Ctx() ctx: EvaluationsContext): Promise<SupervisionMeasures | null> {
    const [evaluation, indexed, rules] = await Promise.all([
      ctx.loaders.evaluationBySubject.load(subject.id),
      ctx.loaders.indexedSubjectById.load(subject.id),
      ctx.loaders.supervisionRules(),
    ]);
    if (!evaluation) return null;
    const rule = pickSupervisionRule(rules, evaluation.grade, indexed?.industry ?? null);
    return rule ? measuresOf(rule) : null;
  }
}
