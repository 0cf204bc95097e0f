import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { textArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { MAX_CATALOGUE_LINES } from '../../../shared/graphql/input-limits';
import { SizedBy } from '../../../shared/graphql/sized-by';
import { CatalogueLine } from '../entities/catalogue-line';
import { CatalogueVersion } from '../entities/catalogue-version';
import { ExchangeChange } from '../entities/exchange-change';
import { CatalogueLineInput } from '../inputs/catalogue.input';
import type { ExchangeContext } from '../loaders';
import { currentVersion, lineSpec, publishCatalogue } from '../services/catalogue';

/** Versions and audit rows per page. */
const MAX_LISTED = 100;

function firstArgument(given: number | null): number {
  const first = given ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED)
    throw badUserInput('first', `'first' must be 1–${MAX_LISTED}`);
  return first;
}

@Resolver(() => CatalogueVersion)
export class CatalogueResolver {
  @Query(() => CatalogueVersion, {
    nullable: true,
    description: '共享交换目录 (exchange:manage, 区信用办): 现行版本 (最高版本号) 及其条目',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  sharingCatalogue(@Ctx() ctx: ExchangeContext): Promise<CatalogueVersion | null> {
    return currentVersion(ctx.em);
  }

  @SizedBy('first', 20)
  @Query(() => [CatalogueVersion], {
    nullable: true,
    description: `共享交换目录历史版本 (exchange:manage): newest first, at most ${MAX_LISTED}`,
  })
  @RequiresScopes([SCOPES.exchangeManage])
  sharingCatalogueVersions(
    @Ctx() ctx: ExchangeContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: `条数 (1–${MAX_LISTED})` })
    first: number | null,
  ): Promise<CatalogueVersion[]> {
    return ctx.em.find(CatalogueVersion, {}, { orderBy: { version: 'desc' }, limit: firstArgument(first) });
  }

  @SizedBy('first', 20)
  @Query(() => [ExchangeChange], {
    nullable: true,
    description: `共享交换变更记录 (exchange:manage): 目录发布、接收方登记与变更, newest first, at most ${MAX_LISTED}`,
  })
  @RequiresScopes([SCOPES.exchangeManage])
  exchangeChanges(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver', () => String, { nullable: true, description: '只看该接收方' }) receiver: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: `条数 (1–${MAX_LISTED})` })
    first: number | null,
  ): Promise<ExchangeChange[]> {
    return ctx.em.find(ExchangeChange, receiver ? { receiverCode: receiver } : {}, {
      orderBy: { occurredAt: 'desc' },
      limit: firstArgument(first),
    });
  }

  @Mutation(() => CatalogueVersion, {
    nullable: true,
    description: `发布共享交换目录新版本 (exchange:manage, 区信用办): the whole catalogue (1–${MAX_CATALOGUE_LINES} lines, one per receiver and kind), checked whole and audited; it applies to every change fed from then on`,
  })
  @RequiresScopes([SCOPES.exchangeManage])
  publishSharingCatalogue(
    @Ctx() ctx: ExchangeContext,
    @Arg('lines', () => [CatalogueLineInput], { description: '目录条目' }) lines: CatalogueLineInput[],
    @Arg('note', { description: '说明 (依据、变更内容)' }) note: string,
  ): Promise<CatalogueVersion> {
    return publishCatalogue(ctx.em, ctx.principal, lines.map(lineSpec), textArgument('note', note));
  }

  @FieldResolver(() => [CatalogueLine], { description: '目录条目 (by receiver and kind)' })
  lines(@Root() version: CatalogueVersion, @Ctx() ctx: ExchangeContext): Promise<CatalogueLine[]> {
    return ctx.loaders.linesByVersion.load(version.id);
  }
}
