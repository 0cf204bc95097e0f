import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SubjectRef } from '../entities/stubs';
import { SubjectEvaluation } from '../entities/subject-evaluation';
import type { EvaluationsContext } from '../loaders';

/** What the evaluations subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectEvaluationResolver {
  @FieldResolver(() => SubjectEvaluation, {
    nullable: true,
    description:
      '公共信用综合评价 (区级模型): 得分、等级及其说明; null = 不评价 (自然人: 个人评分需另有法律依据) 或尚未评价. ' +
      'Staff (credit:read), and the subject itself about itself (to object to it, 异议; its own 公共信用信息报告 prints it)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Audited([[SCOPES.read], [SCOPES.self]])
  creditEvaluation(@Root() subject: SubjectRef, @Ctx() ctx: EvaluationsContext): Promise<SubjectEvaluation | null> {
    return ctx.loaders.evaluationBySubject.load(subject.id);
  }
}
