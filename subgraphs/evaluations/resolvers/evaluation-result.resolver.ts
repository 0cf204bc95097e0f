import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EvaluationResult } from '../entities/evaluation-result';
import { EvaluationSource } from '../entities/evaluation-source';
import type { EvaluationsContext } from '../loaders';

@Resolver(() => EvaluationResult)
export class EvaluationResultResolver {
  @FieldResolver(() => EvaluationSource, { description: '评价来源' })
  async source(@Root() result: EvaluationResult, @Ctx() ctx: EvaluationsContext): Promise<EvaluationSource> {
    const source = await ctx.loaders.sourceByCode.load(result.sourceCode);
    if (!source) throw new Error(`evaluation result ${result.id} names unknown source ${result.sourceCode}`);
    return source;
  }
}
