import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ListEntryStatus, Scenario } from '../../../shared/domain/vocabulary';
import { ListEntry } from '../entities/list-entry';
import { ListEntryEvent } from '../entities/list-entry-event';
import { ListKind } from '../entities/list-kind';
import { Measure } from '../entities/measure';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import type { SanctionsContext } from '../loaders';
import { measuresOfKind } from '../rules/measure-selection';
import { effectiveStatus } from '../rules/workflow';

@Resolver(() => ListEntry)
export class ListEntryResolver {
  @FieldResolver(() => ListEntryStatus, { description: '状态 (EXPIRED once a published entry is past its validity)' })
  status(@Root() entry: ListEntry, @Ctx() ctx: SanctionsContext): ListEntryStatus {
    return effectiveStatus(entry, ctx.loaders.today);
  }

  @FieldResolver(() => [ListEntryEvent], {
    nullable: true,
    description: '历史 (credit:read, or the subject of the entry itself)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  history(@Root() entry: ListEntry, @Ctx() ctx: SanctionsContext): Promise<ListEntryEvent[]> {
    return ctx.loaders.historyByEntry.load(entry.id);
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description:
      '认定部门 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  decidedBy(@Root() entry: ListEntry): DepartmentRef {
    return { code: entry.decidedByCode };
  }

  @FieldResolver(() => ListKind, { description: '名单类别, with its designating authority, removal rule and source' })
  async listKind(@Root() entry: ListEntry, @Ctx() ctx: SanctionsContext): Promise<ListKind> {
    const kind = await ctx.loaders.kindByCode.load(entry.listKind);
    if (!kind) throw new Error(`list entry ${entry.id} has the unknown kind ${entry.listKind}`);
    return kind;
  }

  @FieldResolver(() => [Measure], {
    description: '本类名单在该场景下应实施的联合奖惩措施 (by list kind and scenario, each with its legal basis)',
  })
  async measures(
    @Root() entry: ListEntry,
    @Ctx() ctx: SanctionsContext,
    @Arg('scenario', () => Scenario, { description: '应用场景' }) scenario: Scenario,
  ): Promise<Measure[]> {
    return measuresOfKind(await ctx.loaders.measuresByScenario.load(scenario), entry.listKind, scenario);
  }

  @FieldResolver(() => SubjectRef, {
    nullable: true,
    description:
      '名单主体 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  subject(@Root() entry: ListEntry): SubjectRef {
    return { id: entry.subjectId };
  }
}
