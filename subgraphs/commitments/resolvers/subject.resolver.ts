import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubjectRef } from '../entities/stubs';
import { Commitment } from '../entities/commitment';
import type { CommitmentsContext } from '../loaders';
import { isInEffect } from '../rules/in-effect';

/** What the commitments subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectCommitmentsResolver {
  @FieldResolver(() => [Commitment], { description: '信用承诺 (newest first)' })
  async commitments(
    @Root() subject: SubjectRef,
    @Ctx() ctx: CommitmentsContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: '仅返回履约中且在有效期内的承诺' }) activeOnly: boolean,
  ): Promise<Commitment[]> {
    const commitments = await ctx.loaders.commitmentsBySubject.load(subject.id);
    return activeOnly ? commitments.filter((c) => isInEffect(c, ctx.loaders.today)) : commitments;
  }
}
