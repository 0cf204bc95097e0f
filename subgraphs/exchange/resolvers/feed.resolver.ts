import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { MAX_WATCHED_CODES } from '../../../shared/graphql/input-limits';
import { SizedBy } from '../../../shared/graphql/sized-by';
import type { ExchangeContext } from '../loaders';
import { MAX_PULL, pullChanges } from '../services/pull';
import { listWatches, MAX_WATCH_PAGE, unwatchSubjects, watchSubjects } from '../services/watches';
import { ExchangeFeedPage, WatchChange, WatchPage } from '../types/feed-page';

@Resolver()
export class FeedResolver {
  @SizedBy('first', 100)
  @Query(() => ExchangeFeedPage, {
    nullable: true,
    description: `拉取变更流 (exchange:pull; 接收方本身 — 平台服务账号 sub = clientId, 部门 org = departmentCode — 或区信用办): the entries after seq \`after\` in seq order, at most \`first\` (1–${MAX_PULL}); after: "0" re-reads everything kept. Apply each entryId once; keep the highest version per kind and key`,
  })
  @RequiresScopes([SCOPES.exchangePull])
  changes(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver', { description: '接收方代码' }) receiver: string,
    @Arg('after', () => String, { nullable: true, defaultValue: '0', description: '从该序号之后 (不含); "0" = 从头' })
    after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: `条数 (1–${MAX_PULL})` })
    first: number | null,
  ): Promise<ExchangeFeedPage> {
    return pullChanges(ctx.em, ctx.principal, receiver, after ?? '0', first ?? 100);
  }

  @SizedBy('first', 100)
  @Query(() => WatchPage, {
    nullable: true,
    description: `监测名单 (exchange:pull; 该部门本身或区信用办): codes in order after \`after\`, at most \`first\` (1–${MAX_WATCH_PAGE})`,
  })
  @RequiresScopes([SCOPES.exchangePull])
  watches(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver', { description: '接收方代码' }) receiver: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: `条数 (1–${MAX_WATCH_PAGE})` })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: '从该代码之后' }) after: string | null,
  ): Promise<WatchPage> {
    return listWatches(ctx.em, ctx.principal, receiver, first ?? 100, after);
  }

  @Mutation(() => WatchChange, {
    nullable: true,
    description: `加入监测名单 (exchange:pull; 该部门本身或区信用办): 1–${MAX_WATCHED_CODES} 统一社会信用代码; each screening change of a watched subject enters the department's feed (§15/§16 自动比对、自动提示)`,
  })
  @RequiresScopes([SCOPES.exchangePull])
  watchSubjects(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver', { description: '部门接收方代码' }) receiver: string,
    @Arg('usccs', () => [String], { description: '统一社会信用代码' }) usccs: string[],
  ): Promise<WatchChange> {
    return watchSubjects(ctx.em, ctx.principal, receiver, usccs);
  }

  @Mutation(() => WatchChange, {
    nullable: true,
    description: `移出监测名单 (exchange:pull; 该部门本身或区信用办): 1–${MAX_WATCHED_CODES} 统一社会信用代码`,
  })
  @RequiresScopes([SCOPES.exchangePull])
  unwatchSubjects(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver', { description: '部门接收方代码' }) receiver: string,
    @Arg('usccs', () => [String], { description: '统一社会信用代码' }) usccs: string[],
  ): Promise<WatchChange> {
    return unwatchSubjects(ctx.em, ctx.principal, receiver, usccs);
  }
}
