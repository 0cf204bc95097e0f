import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { textArgument as text } from '../../../shared/graphql/arguments';
import { DateScalar } from '../../../shared/graphql/scalars';
import { ListEntry } from '../entities/list-entry';
import { ListEntryInput } from '../inputs/list-entry.input';
import type { SanctionsContext } from '../loaders';
import { notifyEntry, objectToEntry, publishEntry, removeEntry, resolveObjection } from '../services/entry-steps';
import { proposeListEntry } from '../services/propose-entry';

@Resolver(() => ListEntry)
export class ListWorkflowResolver {
  @Mutation(() => ListEntry, {
    nullable: true,
    description: '认定并报送名单条目 (lists:propose). Retrying the same decision returns the entry already made.',
  })
  @RequiresScopes([SCOPES.listsPropose])
  proposeListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('input', () => ListEntryInput) input: ListEntryInput,
  ): Promise<ListEntry> {
    return proposeListEntry(ctx, input);
  }

  @Mutation(() => ListEntry, { nullable: true, description: '告知当事人 (lists:propose): starts the objection period' })
  @RequiresScopes([SCOPES.listsPropose])
  notifyListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('notifiedAt', () => DateScalar, { nullable: true, description: 'default today' }) notifiedAt?: string | null,
  ): Promise<ListEntry> {
    return notifyEntry(ctx, id, notifiedAt ?? null);
  }

  @Mutation(() => ListEntry, { nullable: true, description: '记录异议 (lists:propose): within the objection period' })
  @RequiresScopes([SCOPES.listsPropose])
  objectToListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', { description: '异议内容' }) note: string,
  ): Promise<ListEntry> {
    return objectToEntry(ctx, id, text('note', note));
  }

  @Mutation(() => ListEntry, {
    nullable: true,
    description: '异议处理 (lists:decide): upheld withdraws the entry, dismissed lets it proceed',
  })
  @RequiresScopes([SCOPES.listsDecide])
  resolveListObjection(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('upheld', () => Boolean) upheld: boolean,
    @Arg('note', { description: '处理意见' }) note: string,
  ): Promise<ListEntry> {
    return resolveObjection(ctx, id, upheld, text('note', note));
  }

  @Mutation(() => ListEntry, {
    nullable: true,
    description:
      '公示 (lists:decide): after the objection period; publishing a black entry removes the subject from the red list',
  })
  @RequiresScopes([SCOPES.listsDecide])
  publishListEntry(@Ctx() ctx: SanctionsContext, @Arg('id', () => ID) id: string): Promise<ListEntry> {
    return publishEntry(ctx, id);
  }

  @Mutation(() => ListEntry, {
    nullable: true,
    description: '移出 (lists:decide): revoked (撤销) or repaired (信用修复), with the reason',
  })
  @RequiresScopes([SCOPES.listsDecide])
  removeListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('repaired', () => Boolean, { defaultValue: false, description: 'true: 信用修复; false: 撤销' })
    repaired: boolean,
    @Arg('reason', { description: '移出原因' }) reason: string,
  ): Promise<ListEntry> {
    return removeEntry(ctx, id, repaired, text('reason', reason));
  }
}
