import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { actingOrg, isCreditOffice, requireOwner } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { CreditList, ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument as text } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, forbidden, notFound } from '../../../shared/graphql/errors';
import { Designation, designate, isRefusal, requestedKind } from '../rules/designation';
import { DateScalar } from '../../../shared/graphql/scalars';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { listingCodeProblem } from '../rules/listable-code';
import { directRepairRefusal } from '../rules/direct-repair';
import { publishEvent } from '../../../shared/events/publish';
import { CalendarNotCoveredError } from '../../../shared/domain/working-days';
import { calendarNotCovered } from '../../../shared/graphql/calendar-errors';
import { ListEntry } from '../entities/list-entry';
import { ListEntryEvent } from '../entities/list-entry-event';
import { ListKind } from '../entities/list-kind';
import { ListRule } from '../entities/list-rule';
import { SubjectIndex } from '../entities/subject-index';
import type { SanctionsContext } from '../loaders';
import { effectiveStatus, transition, TransitionError } from '../rules/workflow';

@InputType({ description: '名单认定 (报送)' })
export class ListEntryInput {
  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field(() => CreditList)
  list!: CreditList;

  @Field({ description: '列入事由' })
  reason!: string;

  @Field({ description: '认定依据 (法律、法规、规章)' })
  basis!: string;

  @Field({ description: '认定文书号' })
  decisionNo!: string;

  @Field(() => DateScalar, { description: '认定日期' })
  decidedAt!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期自; default 认定日期' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至移出' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: '名单类别 (listKinds); default the general kind of the list (本区部门认定)' })
  listKind?: string | null;

  @Field(() => String, { nullable: true, description: '认定单位 (e.g. the court of a 失信被执行人 entry); default that of the kind' })
  designatingAuthority?: string | null;
}

/** The designating department acts on its entry; the credit office coordinates every entry. */
function requireOwnEntry(principal: Principal, entry: ListEntry): void {
  requireOwner(principal, entry.decidedByCode, 'this entry', 'act on');
}

export function history(em: EntityManager, entry: ListEntry, action: ListAction, from: ListEntryStatus | null, principal: Principal, note: string | null): void {
  em.persist(
    em.create(ListEntryEvent, {
      id: randomUUID(),
      entryId: entry.id,
      occurredAt: new Date(),
      action,
      fromStatus: from,
      toStatus: entry.status,
      actorSub: principal.sub,
      actorOrg: principal.org,
      note,
    }),
  );
}

/** Tells the subgraphs that act on list entries (repairs) its new state, in the same transaction. */
export async function announce(em: EntityManager, entry: ListEntry): Promise<void> {
  entry.kindAnnounced = true;
  await publishEvent(em, 'list-entry.changed', {
    entryId: entry.id,
    subjectId: entry.subjectId,
    list: entry.list,
    status: entry.status,
    decidedByCode: entry.decidedByCode,
    validUntil: entry.validUntil,
    ...(await kindFacts(em, entry)),
  });
}

/** What repairs needs of the entry's kind: who designated it, whether it is repaired here and where else to turn. */
async function kindFacts(em: EntityManager, entry: ListEntry) {
  const kind = await em.findOne(ListKind, { code: entry.listKind });
  return {
    listKind: entry.listKind,
    designatingAuthorityKind: entry.designatingAuthorityKind,
    designatingAuthority: entry.designatingAuthority,
    repairableHere: kind?.repairableHere ?? false,
    turnTo: kind?.turnTo ?? null,
  };
}

/** After a write, what this request's loaders cached is stale (a document may hold several mutations). */
function forgetEntries(ctx: SanctionsContext): void {
  ctx.loaders.entryById.clearAll();
  ctx.loaders.entriesBySubject.clearAll();
  ctx.loaders.entriesByUscc.clearAll();
  ctx.loaders.historyByEntry.clearAll();
}

/** Holds a transaction-scoped lock on one subject's list entries. */
async function lockSubject(em: EntityManager, subjectId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [subjectId], 'all', em.getTransactionContext());
}

/** Active or on its way to be: an entry that blocks a second one for the same subject and list. */
function blocking(entry: ListEntry, today: string): boolean {
  const status = effectiveStatus(entry, today);
  return status !== ListEntryStatus.REMOVED && status !== ListEntryStatus.EXPIRED;
}

/** The kind a proposal asks for, checked against who proposes it (rules/designation.ts). */
async function designationOf(ctx: SanctionsContext, input: ListEntryInput, org: string): Promise<Designation> {
  const code = requestedKind(input.list, input.listKind == null ? null : text('input.listKind', input.listKind, 48));
  const kind = await ctx.loaders.kindByCode.load(code);
  if (!kind) throw badUserInput('input.listKind', `no list kind ${code}: see listKinds`);
  const authority = input.designatingAuthority == null ? null : text('input.designatingAuthority', input.designatingAuthority, 200);
  const designation = designate(kind, input.list, org, isCreditOffice(ctx.principal), authority);
  if (isRefusal(designation)) throw designation.forbidden ? forbidden(designation.message) : badUserInput(designation.argument, designation.message);
  return designation;
}

/** A checked proposal: codes normalised, texts trimmed, dates in order. */
export interface ListProposal {
  uscc: string;
  list: CreditList;
  reason: string;
  basis: string;
  decisionNo: string;
  decidedAt: string;
  validFrom: string;
  validUntil: string | null;
  /** The proposing department. */
  org: string;
  /** The kind and who designated it (rules/designation.ts). */
  designation: Designation;
}

/**
 * 认定: a new DESIGNATED entry, in the caller's transaction. Retrying the same
 * decision returns the entry already made; an open entry on the same list, or a
 * red entry while black, is a CONFLICT. Also used by the commitment-breach consumer.
 */
export async function proposeEntry(em: EntityManager, actor: Principal, proposal: ListProposal, today: string): Promise<ListEntry> {
  const subject = await em.findOne(SubjectIndex, { uscc: proposal.uscc });
  if (!subject) throw notFound(`no subject with 统一社会信用代码 ${proposal.uscc}`, 'input.uscc');
  // Serialize proposals for one subject: the duplicate and black/red checks must see each other.
  await lockSubject(em, subject.id);
  const existing = await em.find(ListEntry, { subjectId: subject.id });
  const same = existing.find((e) => e.decidedByCode === proposal.org && e.decisionNo === proposal.decisionNo && e.list === proposal.list);
  if (same) return same;
  if (existing.some((e) => e.list === proposal.list && blocking(e, today))) {
    throw conflict(`the subject already has an open ${proposal.list} entry`, 'input.list', 'DUPLICATE_ENTRY');
  }
  if (proposal.list === CreditList.RED && existing.some((e) => e.list === CreditList.BLACK && blocking(e, today))) {
    throw conflict('a subject on the black list cannot be put on the red list', 'input.list', 'BLACK_AND_RED');
  }
  const entry = em.create(ListEntry, {
    id: randomUUID(),
    subjectId: subject.id,
    subjectUscc: subject.uscc,
    subjectName: subject.name,
    list: proposal.list,
    status: ListEntryStatus.DESIGNATED,
    reason: proposal.reason,
    basis: proposal.basis,
    decisionNo: proposal.decisionNo,
    decidedByCode: proposal.org,
    listKind: proposal.designation.listKind,
    designatingAuthorityKind: proposal.designation.designatingAuthorityKind,
    designatingAuthority: proposal.designation.designatingAuthority,
    kindAnnounced: true,
    decidedAt: proposal.decidedAt,
    validFrom: proposal.validFrom,
    validUntil: proposal.validUntil,
    reportedAt: new Date(),
    notifiedAt: null,
    objectionDeadline: null,
    removalReason: null,
  });
  em.persist(entry);
  history(em, entry, ListAction.PROPOSE, null, actor, null);
  await announce(em, entry);
  return entry;
}

@Resolver(() => ListEntry)
export class ListWorkflowResolver {
  @Mutation(() => ListEntry, { nullable: true, description: '认定并报送名单条目 (lists:propose). Retrying the same decision returns the entry already made.' })
  @RequiresScopes([SCOPES.listsPropose])
  async proposeListEntry(@Ctx() ctx: SanctionsContext, @Arg('input', () => ListEntryInput) input: ListEntryInput): Promise<ListEntry> {
    const org = actingOrg(ctx.principal, 'a list entry');
    const today = ctx.loaders.today;
    const code = checkUscc(input.uscc);
    // A code failing only its check character may be listed when it names a subject already known
    // (reported with 已核实 and indexed here): the same look-up rule as screening and subject(uscc:).
    const known = code.problem === 'CHECKSUM' ? (await ctx.loaders.subjectByUscc.load(code.normalized)) !== null : false;
    const why = listingCodeProblem(code, known);
    if (why !== null) throw badUserInput('input.uscc', `'input.uscc' ${JSON.stringify(input.uscc)}: ${why}`);
    const validFrom = input.validFrom ?? input.decidedAt;
    if (input.decidedAt > today) throw badUserInput('input.decidedAt', 'the decision date is in the future');
    if (validFrom < input.decidedAt) throw badUserInput('input.validFrom', `validity cannot start (${validFrom}) before the decision (${input.decidedAt})`);
    if (input.validUntil != null && input.validUntil < validFrom) {
      throw badUserInput('input.validUntil', `validity ends (${input.validUntil}) before it starts (${validFrom})`);
    }
    const reason = text('input.reason', input.reason);
    const basis = text('input.basis', input.basis);
    const decisionNo = text('input.decisionNo', input.decisionNo);
    const designation = await designationOf(ctx, input, org);

    return ctx.em
      .transactional((em) => proposeEntry(em, ctx.principal, { ...input, uscc: code.normalized, org, validFrom, validUntil: input.validUntil ?? null, reason, basis, decisionNo, designation }, today))
      .finally(() => forgetEntries(ctx));
  }

  @Mutation(() => ListEntry, { nullable: true, description: '告知当事人 (lists:propose): starts the objection period' })
  @RequiresScopes([SCOPES.listsPropose])
  async notifyListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('notifiedAt', () => DateScalar, { nullable: true, description: 'default today' }) notifiedAt?: string | null,
  ): Promise<ListEntry> {
    // Read through the request's loaders before the transaction: inside it, only its own EntityManager may be used.
    const calendar = await ctx.loaders.calendar();
    return this.act(ctx, id, ListAction.NOTIFY, null, async (entry, em) => {
      const date = notifiedAt ?? ctx.loaders.today;
      if (date > ctx.loaders.today || date < entry.decidedAt) throw badUserInput('notifiedAt', 'the notice date must lie between the decision and today');
      const rule = await em.findOneOrFail(ListRule, { list: entry.list });
      entry.notifiedAt = date;
      try {
        const deadline = calendar.deadline(date, rule.objectionWorkingDays);
        entry.objectionDeadline = deadline.date;
        entry.objectionDeadlineProvisional = deadline.provisional;
      } catch (error) {
        if (error instanceof CalendarNotCoveredError) throw calendarNotCovered(error, 'notifiedAt');
        throw error;
      }
    });
  }

  @Mutation(() => ListEntry, { nullable: true, description: '记录异议 (lists:propose): within the objection period' })
  @RequiresScopes([SCOPES.listsPropose])
  objectToListEntry(@Ctx() ctx: SanctionsContext, @Arg('id', () => ID) id: string, @Arg('note', { description: '异议内容' }) note: string): Promise<ListEntry> {
    return this.act(ctx, id, ListAction.OBJECT, text('note', note));
  }

  @Mutation(() => ListEntry, { nullable: true, description: '异议处理 (lists:decide): upheld withdraws the entry, dismissed lets it proceed' })
  @RequiresScopes([SCOPES.listsDecide])
  resolveListObjection(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('upheld', () => Boolean) upheld: boolean,
    @Arg('note', { description: '处理意见' }) note: string,
  ): Promise<ListEntry> {
    const reasonText = text('note', note);
    return this.act(ctx, id, upheld ? ListAction.UPHOLD_OBJECTION : ListAction.DISMISS_OBJECTION, reasonText, async (entry) => {
      if (upheld) entry.removalReason = `异议成立: ${reasonText}`;
    });
  }

  @Mutation(() => ListEntry, { nullable: true, description: '公示 (lists:decide): after the objection period; publishing a black entry removes the subject from the red list' })
  @RequiresScopes([SCOPES.listsDecide])
  publishListEntry(@Ctx() ctx: SanctionsContext, @Arg('id', () => ID) id: string): Promise<ListEntry> {
    return this.act(ctx, id, ListAction.PUBLISH, null, async (entry, em) => {
      // Two publications for one subject must see each other (black and red never together).
      await lockSubject(em, entry.subjectId);
      // Locked before they are read: a red entry removed below is announced after any background batch holding it (events/announce-kinds.ts).
      const others = await em.find(ListEntry, { subjectId: entry.subjectId, id: { $ne: entry.id }, status: ListEntryStatus.PUBLISHED }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const active = others.filter((e) => effectiveStatus(e, ctx.loaders.today) === ListEntryStatus.PUBLISHED);
      if (entry.list === CreditList.RED && active.some((e) => e.list === CreditList.BLACK)) {
        throw conflict('a subject on the black list cannot be put on the red list', 'id', 'BLACK_AND_RED');
      }
      if (entry.list === CreditList.BLACK) {
        for (const red of active.filter((e) => e.list === CreditList.RED)) {
          red.status = ListEntryStatus.REMOVED;
          red.removalReason = `列入严重失信主体名单 (${entry.decisionNo})，移出红名单`;
          history(em, red, ListAction.REVOKE, ListEntryStatus.PUBLISHED, ctx.principal, red.removalReason);
          await announce(em, red);
        }
      }
    });
  }

  @Mutation(() => ListEntry, { nullable: true, description: '移出 (lists:decide): revoked (撤销) or repaired (信用修复), with the reason' })
  @RequiresScopes([SCOPES.listsDecide])
  removeListEntry(
    @Ctx() ctx: SanctionsContext,
    @Arg('id', () => ID) id: string,
    @Arg('repaired', () => Boolean, { defaultValue: false, description: 'true: 信用修复; false: 撤销' }) repaired: boolean,
    @Arg('reason', { description: '移出原因' }) reason: string,
  ): Promise<ListEntry> {
    const reasonText = text('reason', reason);
    return this.act(ctx, id, repaired ? ListAction.REPAIR : ListAction.REVOKE, reasonText, async (entry, em) => {
      if (repaired) {
        // 谁认定、谁修复: a direct repair is the designator's own, on a kind repaired here (rules/direct-repair.ts).
        const refusal = directRepairRefusal(entry, await em.findOne(ListKind, { code: entry.listKind }), ctx.principal.org);
        if (refusal?.code === 'FORBIDDEN') throw forbidden(refusal.message);
        if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: 'NOT_REPAIRABLE', argument: 'repaired', reason: refusal.message, turnTo: refusal.turnTo } });
      }
      entry.removalReason = reasonText;
    });
  }

  /** One workflow step in one transaction: lock, check the transition, apply, write history. */
  private act(
    ctx: SanctionsContext,
    rawId: string,
    action: Exclude<ListAction, ListAction.PROPOSE>,
    note: string | null,
    apply?: (entry: ListEntry, em: EntityManager) => Promise<void>,
  ): Promise<ListEntry> {
    const id = idArgument('id', rawId, 'a list entry');
    return ctx.em.transactional(async (em) => {
      const entry = await em.findOne(ListEntry, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!entry) throw notFound(`no list entry ${id}`, 'id');
      requireOwnEntry(ctx.principal, entry);
      const from = entry.status;
      let to: ListEntryStatus;
      try {
        to = transition(entry, action, { today: ctx.loaders.today, objectionDeadline: entry.objectionDeadline });
      } catch (error) {
        if (error instanceof TransitionError) throw conflict(error.message, 'id', error.refusal);
        throw error;
      }
      await apply?.(entry, em);
      entry.status = to;
      history(em, entry, action, from, ctx.principal, note);
      await announce(em, entry);
      return entry;
    }).finally(() => forgetEntries(ctx));
  }
}
