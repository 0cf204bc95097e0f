import { Arg, Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { likePattern } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { connectionType, PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { ListEntry } from '../entities/list-entry';
import type { SanctionsContext } from '../loaders';

@ObjectType({ description: '名单条目分页' })
export class ListEntryConnection extends connectionType(ListEntry) {}

@Resolver()
export class PublishedListResolver {
  @Paged()
  @Query(() => ListEntryConnection, {
    description: '“信用姑苏”公开的红名单 / 黑名单: 公示中且在有效期内的条目 (newest first)',
  })
  async publishedList(
    @Ctx() ctx: SanctionsContext,
    @Arg('list', () => CreditList) list: CreditList,
    @Args() pageArgs: PageArgs,
    @Arg('search', () => String, { nullable: true, description: '主体名称关键字或统一社会信用代码 (前缀)' })
    search?: string | null,
  ): Promise<ListEntryConnection> {
    if (list === CreditList.WATCH)
      throw badUserInput('list', '重点关注名单不对社会公开 (the watch list is not published)');
    const page = resolvePage(pageArgs);
    // The SQL form of rules/active.ts, so the database pages the result.
    const term = search?.trim() ?? '';
    const where = {
      list,
      status: ListEntryStatus.PUBLISHED,
      $and: [
        { $or: [{ validUntil: null }, { validUntil: { $gte: ctx.loaders.today } }] },
        { $or: [{ validFrom: null }, { validFrom: { $lte: ctx.loaders.today } }] },
        ...(term === ''
          ? []
          : [
              {
                $or: [
                  { subjectName: { $ilike: likePattern(term) } },
                  { subjectUscc: { $like: likePattern(term.toUpperCase(), { prefixOnly: true }) } },
                ],
              },
            ]),
      ],
    };
    // A page after a known entry seeks past it in (decided_at desc, id) order, so a deep page costs what the
    // first does; an offset cursor, or one whose entry has gone, counts its way there.
    const anchor = page.afterId
      ? await ctx.em.findOne(ListEntry, { id: page.afterId }, { fields: ['decidedAt'] })
      : null;
    // Written as "on or before its date, and not at or before it within that date" so the date bounds the index scan.
    const seek = anchor
      ? [
          { decidedAt: { $lte: anchor.decidedAt } },
          { $or: [{ decidedAt: { $lt: anchor.decidedAt } }, { id: { $gt: anchor.id } }] },
        ]
      : [];
    const [nodes, total] = await Promise.all([
      ctx.em.find(
        ListEntry,
        { ...where, $and: [...where.$and, ...seek] },
        { orderBy: { decidedAt: 'desc', id: 'asc' }, limit: page.limit, offset: anchor ? 0 : page.offset },
      ),
      ctx.em.count(ListEntry, where),
    ]);
    return toConnection(nodes, total, page, (entry) => entry.id);
  }
}
