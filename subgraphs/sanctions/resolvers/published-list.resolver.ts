import { Arg, Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { badUserInput } from '../../../shared/graphql/errors';
import { connectionType, PageArgs, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { ListEntry } from '../entities/list-entry';
import type { SanctionsContext } from '../loaders';

@ObjectType({ description: '名单条目分页' })
export class ListEntryConnection extends connectionType(ListEntry) {}

@Resolver()
export class PublishedListResolver {
  @Query(() => ListEntryConnection, { description: '“信用姑苏”公开的红名单 / 黑名单: 公示中且在有效期内的条目 (newest first)' })
  async publishedList(
    @Ctx() ctx: SanctionsContext,
    @Arg('list', () => CreditList) list: CreditList,
    @Args() pageArgs: PageArgs,
  ): Promise<ListEntryConnection> {
    if (list === CreditList.WATCH) throw badUserInput('list', '重点关注名单不对社会公开 (the watch list is not published)');
    const page = resolvePage(pageArgs);
    // The SQL form of rules/active.ts, so the database pages the result.
    const where = {
      list,
      status: ListEntryStatus.PUBLISHED,
      $or: [{ validUntil: null }, { validUntil: { $gte: ctx.loaders.today } }],
    };
    const [nodes, total] = await ctx.em.findAndCount(ListEntry, where, {
      orderBy: { decidedAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(nodes, total, page);
  }
}
