import { Ctx, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SupervisionRule } from '../entities/supervision-rule';
import type { EvaluationsContext } from '../loaders';

@Resolver()
export class SupervisionRulesResolver {
  @Query(() => [SupervisionRule], {
    nullable: true,
    description: '分级分类监管规则 (信用等级 × 行业; 行业为空的规则适用于所有行业, 行业自己的规则优先)',
  })
  @RequiresScopes([SCOPES.read])
  supervisionRules(@Ctx() ctx: EvaluationsContext): Promise<SupervisionRule[]> {
    return ctx.loaders.supervisionRules();
  }
}
