import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { isSelfSubjectId } from '../../../shared/auth/self';
import { Commitment } from '../entities/commitment';
import { SubjectRef } from '../entities/stubs';
import type { CommitmentsContext } from '../loaders';
import { isInEffect } from '../rules/in-effect';

/** What the commitments subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectCommitmentsResolver {
  // Nullable: with the commitments subgraph down the rest of the profile still answers.
  @FieldResolver(() => [Commitment], {
    nullable: true,
    description:
      '信用承诺 (newest first): without credit:read those publicized online, the subject itself all of its own; null = 承诺服务不可用 (see errors)',
  })
  async commitments(
    @Root() subject: SubjectRef,
    @Ctx() ctx: CommitmentsContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: '仅返回履约中且在有效期内的承诺' })
    activeOnly: boolean,
  ): Promise<Commitment[]> {
    const all = await ctx.loaders.commitmentsBySubject.load(subject.id);
    // Without credit:read only the commitments publicized online (§8: 信用承诺书网上公示); the subject sees its own.
    const mayReadAll = hasScope(ctx.principal, SCOPES.read) || isSelfSubjectId(ctx.principal, subject.id);
    const visible = mayReadAll ? all : all.filter((c) => c.publicized);
    return activeOnly ? visible.filter((c) => isInEffect(c, ctx.loaders.today)) : visible;
  }
}
