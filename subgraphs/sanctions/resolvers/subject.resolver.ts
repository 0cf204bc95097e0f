import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubjectRef } from '../entities/stubs';
import { ListEntry } from '../entities/list-entry';
import type { SanctionsContext } from '../loaders';
import { isActiveEntry } from '../rules/active';
import { CreditStatus, creditStatusFor } from '../rules/verdict';

/** What the sanctions subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectListsResolver {
  @FieldResolver(() => [ListEntry], { description: '名单记录 (newest first)' })
  async listEntries(
    @Root() subject: SubjectRef,
    @Ctx() ctx: SanctionsContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: '仅返回公示中且在有效期内的条目' }) activeOnly: boolean,
  ): Promise<ListEntry[]> {
    const entries = await ctx.loaders.entriesBySubject.load(subject.id);
    return activeOnly ? entries.filter((entry) => isActiveEntry(entry, ctx.loaders.today)) : entries;
  }

  @FieldResolver(() => CreditStatus, { description: '信用状态: 黑名单 > 重点关注 > 红名单 > 正常' })
  async creditStatus(@Root() subject: SubjectRef, @Ctx() ctx: SanctionsContext): Promise<CreditStatus> {
    const entries = await ctx.loaders.entriesBySubject.load(subject.id);
    return creditStatusFor(entries.filter((entry) => isActiveEntry(entry, ctx.loaders.today)).map((entry) => entry.list));
  }
}
