import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { likePattern } from '../../../shared/graphql/arguments';
import { connectionType, PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { Commitment } from '../entities/commitment';
import type { CommitmentsContext } from '../loaders';

@ObjectType({ description: '信用承诺分页' })
export class CommitmentConnection extends connectionType(Commitment) {}

/**
 * What a search term matches. A natural person's name is personal data: without
 * credit:read it is not searchable (the public could otherwise probe for it).
 */
function searchAlternatives(term: string, mayReadPersonalData: boolean): FilterQuery<Commitment>[] {
  const pattern = likePattern(term);
  const byName: FilterQuery<Commitment> = mayReadPersonalData
    ? { signatoryName: { $ilike: pattern } }
    : { signatoryName: { $ilike: pattern }, signatoryUscc: { $ne: null } };
  return [byName, { matter: { $ilike: pattern } }];
}

@Resolver(() => Commitment)
export class PublicCommitmentsResolver {
  @Paged()
  @Query(() => CommitmentConnection, {
    description: '“信用姑苏”信用承诺专栏 (§8, §16: 信用承诺书网上公示; newest first)',
  })
  async publicCommitments(
    @Ctx() ctx: CommitmentsContext,
    @Args() pageArgs: PageArgs,
    @Arg('search', () => String, { nullable: true, description: '承诺人名称或承诺事项关键字' }) search?: string | null,
  ): Promise<CommitmentConnection> {
    const page = resolvePage(pageArgs);
    const term = search?.trim() ?? '';
    const where: FilterQuery<Commitment> =
      term === ''
        ? { publicized: true }
        : { publicized: true, $or: searchAlternatives(term, hasScope(ctx.principal, SCOPES.read)) };
    const [nodes, total] = await ctx.em.findAndCount(Commitment, where, {
      orderBy: { signedAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(nodes, total, page);
  }
}
