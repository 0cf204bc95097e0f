import { LockMode } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { requireOwner } from '../../../shared/auth/ownership';
import type { EntityManager } from '../../../shared/db/orm';
import { CreditList, ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { CalendarNotCoveredError } from '../../../shared/domain/working-days';
import { idArgument } from '../../../shared/graphql/arguments';
import { calendarNotCovered } from '../../../shared/graphql/calendar-errors';
import { badUserInput, conflict, forbidden } from '../../../shared/graphql/errors';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';
import { ListRule } from '../entities/list-rule';
import type { SanctionsContext } from '../loaders';
import { lockEntrySubject, lockSubject } from '../repositories/subject-lock';
import { directRepairRefusal } from '../rules/direct-repair';
import { effectiveStatus, transition } from '../rules/workflow';
import { announceEntries } from './announce';
import { recordEntryStep } from './entry-history';

type EntryAction = Exclude<ListAction, ListAction.PROPOSE>;

/** One workflow step on one entry (shared/workflow/step.ts): the designating department acts on its entry, the credit office on every entry. */
function act(
  ctx: SanctionsContext,
  rawId: string,
  action: EntryAction,
  note: string | null,
  apply?: (entry: ListEntry, em: EntityManager) => Promise<void>,
  /** Other entries the step changes (filled by `apply`): announced with it, in one call. */
  alsoChanged: ListEntry[] = [],
): Promise<ListEntry> {
  const id = idArgument('id', rawId, 'a list entry');
  return runWorkflowStep(ctx.em, ctx.loaders, {
    entity: ListEntry,
    id,
    missing: `no list entry ${id}`,
    lockFirst: (em) => lockEntrySubject(em, id),
    authorize: (entry) => requireOwner(ctx.principal, entry.decidedByCode, 'this entry', 'act on'),
    transition: (entry) =>
      transition(entry, action, { today: ctx.loaders.today, objectionDeadline: entry.objectionDeadline }),
    apply,
    record: (entry, from, em) => recordEntryStep(em, entry, action, from, ctx.principal, note),
    publish: (entry, em) => announceEntries(em, [entry, ...alsoChanged]),
  });
}

/** 告知当事人: starts the objection period, its deadline counted in working days. */
export async function notifyEntry(ctx: SanctionsContext, id: string, notifiedAt: string | null): Promise<ListEntry> {
  // Read through the request's loaders before the transaction: inside it, only its own EntityManager may be used.
  const calendar = await ctx.loaders.calendar();
  return act(ctx, id, ListAction.NOTIFY, null, async (entry, em) => {
    const date = notifiedAt ?? ctx.loaders.today;
    if (date > ctx.loaders.today || date < entry.decidedAt)
      throw badUserInput('notifiedAt', 'the notice date must lie between the decision and today');
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

/** 记录异议, within the objection period. */
export function objectToEntry(ctx: SanctionsContext, id: string, note: string): Promise<ListEntry> {
  return act(ctx, id, ListAction.OBJECT, note);
}

/** 异议处理: upheld withdraws the entry, dismissed lets it proceed. */
export function resolveObjection(ctx: SanctionsContext, id: string, upheld: boolean, note: string): Promise<ListEntry> {
  return act(ctx, id, upheld ? ListAction.UPHOLD_OBJECTION : ListAction.DISMISS_OBJECTION, note, async (entry) => {
    if (upheld) entry.removalReason = `异议成立: ${note}`;
  });
}

/** 公示, after the objection period; publishing a black entry removes the subject from the red list. */
export function publishEntry(ctx: SanctionsContext, id: string): Promise<ListEntry> {
  const removedReds: ListEntry[] = [];
  return act(
    ctx,
    id,
    ListAction.PUBLISH,
    null,
    async (entry, em) => {
      // Two publications for one subject must see each other (black and red never together).
      await lockSubject(em, entry.subjectId);
      // Locked before they are read: a red entry removed below is announced after any background batch holding it (events/announce-kinds.ts).
      const others = await em.find(
        ListEntry,
        { subjectId: entry.subjectId, id: { $ne: entry.id }, status: ListEntryStatus.PUBLISHED },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const active = others.filter((e) => effectiveStatus(e, ctx.loaders.today) === ListEntryStatus.PUBLISHED);
      if (entry.list === CreditList.RED && active.some((e) => e.list === CreditList.BLACK)) {
        throw conflict('a subject on the black list cannot be put on the red list', 'id', 'BLACK_AND_RED');
      }
      if (entry.list === CreditList.BLACK) {
        for (const red of active.filter((e) => e.list === CreditList.RED)) {
          red.status = ListEntryStatus.REMOVED;
          red.removalReason = `列入严重失信主体名单 (${entry.decisionNo})，移出红名单`;
          recordEntryStep(em, red, ListAction.REVOKE, ListEntryStatus.PUBLISHED, ctx.principal, red.removalReason);
          // Announced with the black entry: the subject's screening goes from INCENTIVE to RESTRICT in one change.
          removedReds.push(red);
        }
      }
    },
    removedReds,
  );
}

/** 移出: revoked (撤销) or repaired (信用修复), with the reason. */
export function removeEntry(ctx: SanctionsContext, id: string, repaired: boolean, reason: string): Promise<ListEntry> {
  return act(ctx, id, repaired ? ListAction.REPAIR : ListAction.REVOKE, reason, async (entry, em) => {
    if (repaired) {
      // 谁认定、谁修复: a direct repair is the designator's own, on a kind repaired here (rules/direct-repair.ts).
      const refusal = directRepairRefusal(
        entry,
        await em.findOne(ListKind, { code: entry.listKind }),
        ctx.principal.org,
      );
      if (refusal?.code === 'FORBIDDEN') throw forbidden(refusal.message);
      if (refusal)
        throw new GraphQLError(refusal.message, {
          extensions: { code: 'NOT_REPAIRABLE', argument: 'repaired', reason: refusal.message, turnTo: refusal.turnTo },
        });
    }
    // An upper-level entry is its source's: it leaves with the source's removal (importUpperLevelList), not a district 撤销.
    if (entry.sourcePlatform !== null)
      throw conflict(
        `this entry was issued by ${entry.sourcePlatform} (${entry.designatingAuthority}): it is removed when its source removes it (importUpperLevelList), not here`,
        'id',
        'IMPORTED_ENTRY',
      );
    entry.removalReason = reason;
  });
}
