import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { isSelfSubjectId } from '../../../shared/auth/self';
import { ListEntry } from '../entities/list-entry';
import { SubjectRef } from '../entities/stubs';
import type { SanctionsContext } from '../loaders';
import { isActiveEntry, visibleTo } from '../rules/active';
import { CreditStatus, creditStatusFor } from '../rules/verdict';
import { SCREENED_ENTRIES, SubjectWithEntries } from '../types/subject-with-entries';

function entriesOf(subject: SubjectWithEntries, ctx: SanctionsContext): readonly ListEntry[] | Promise<ListEntry[]> {
  return subject[SCREENED_ENTRIES] ?? ctx.loaders.entriesBySubject.load(subject.id);
}

function creditStatusOf(entries: readonly ListEntry[], today: string): CreditStatus {
  return creditStatusFor(entries.filter((entry) => isActiveEntry(entry, today)).map((entry) => entry.list));
}

/** What the sanctions subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectListsResolver {
  // Nullable: with the sanctions subgraph down the rest of the profile still answers.
  @FieldResolver(() => [ListEntry], {
    nullable: true,
    description:
      '名单记录 (newest first); without credit:read only published red and black entries in force (the subject itself sees all of its own); null = 名单服务不可用 (see errors)',
  })
  @Audited([[SCOPES.read], [SCOPES.self]])
  async listEntries(
    @Root() subject: SubjectWithEntries,
    @Ctx() ctx: SanctionsContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: '仅返回公示中且在有效期内的条目' })
    activeOnly: boolean,
  ): Promise<ListEntry[]> {
    const entries = await entriesOf(subject, ctx);
    const mayReadAll = hasScope(ctx.principal, SCOPES.read) || isSelfSubjectId(ctx.principal, subject.id);
    const visible = visibleTo(entries, mayReadAll, ctx.loaders.today);
    return activeOnly ? visible.filter((entry) => isActiveEntry(entry, ctx.loaders.today)) : visible;
  }

  @FieldResolver(() => CreditStatus, {
    nullable: true,
    description: '信用状态: 黑名单 > 重点关注 > 红名单 > 正常 (credit:read, or the subject itself)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  creditStatus(
    @Root() subject: SubjectWithEntries,
    @Ctx() ctx: SanctionsContext,
  ): CreditStatus | Promise<CreditStatus> {
    const { today } = ctx.loaders;
    const screened = subject[SCREENED_ENTRIES];
    if (screened) return creditStatusOf(screened, today);
    return ctx.loaders.entriesBySubject.load(subject.id).then((entries) => creditStatusOf(entries, today));
  }
}
