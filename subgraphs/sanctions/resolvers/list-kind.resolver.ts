import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { CreditList } from '../../../shared/domain/vocabulary';
import { ListKind } from '../entities/list-kind';
import type { SanctionsContext } from '../loaders';

@Resolver(() => ListKind)
export class ListKindResolver {
  @Query(() => [ListKind], {
    description:
      '名单类别目录 (public reference data): who designates each kind, whether it is repaired here, its source',
  })
  async listKinds(
    @Ctx() ctx: SanctionsContext,
    @Arg('list', () => CreditList, { nullable: true, description: 'only the kinds of this list' })
    list?: CreditList | null,
  ): Promise<ListKind[]> {
    const kinds = await ctx.loaders.listKinds();
    return list == null ? kinds : kinds.filter((k) => k.list === list);
  }
}
