import { Arg, Args, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { isCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { connectionType, PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { UpperListImport } from '../entities/upper-list-import';
import { ImportUpperLevelListInput } from '../inputs/upper-list.input';
import type { SanctionsContext } from '../loaders';
import { importUpperLevelList } from '../services/upper-list-import';
import { UpperListImportResult } from '../types/upper-list-result';

@ObjectType({ description: '上级下发名单导入记录分页' })
export class UpperListImportConnection extends connectionType(UpperListImport) {}

/** 国家、省下发的联合惩戒对象名单 (§16): imported by the issuing platform or the credit office (lists:import). */
@Resolver()
export class UpperListResolver {
  @Mutation(() => UpperListImportResult, {
    nullable: true,
    description:
      '导入国家、省下发的联合惩戒对象名单 (lists:import): 失信被执行人、重大税收违法失信主体、上级平台推送的名单; 逐条校验 (任何一条未通过则整份不导入), 按 (来源平台, 名单类别, 来源编号) 去重, 直接公示, 不在本平台修复; SNAPSHOT 移出未列出的条目; 重复导入不改变任何数据',
  })
  @RequiresScopes([SCOPES.listsImport])
  importUpperLevelList(
    @Ctx() ctx: SanctionsContext,
    @Arg('input', () => ImportUpperLevelListInput) input: ImportUpperLevelListInput,
  ): Promise<UpperListImportResult> {
    return importUpperLevelList(ctx, input);
  }

  @Paged()
  @Query(() => UpperListImportConnection, {
    nullable: true,
    description:
      '上级下发名单导入记录 (lists:import; newest first): the credit office sees every import, a platform its own',
  })
  @RequiresScopes([SCOPES.listsImport])
  async upperListImports(@Ctx() ctx: SanctionsContext, @Args() pageArgs: PageArgs): Promise<UpperListImportConnection> {
    const page = resolvePage(pageArgs);
    const where = isCreditOffice(ctx.principal) ? {} : { importedBySub: ctx.principal.sub };
    const [nodes, total] = await ctx.em.findAndCount(UpperListImport, where, {
      orderBy: { importedAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(nodes, total, page);
  }
}
