import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import type { Logger } from '../../../shared/logging/logger';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';
import { lockEntrySubject } from '../repositories/subject-lock';
import { effectiveStatus, transition } from '../rules/workflow';
import { announce } from './announce';
import { recordEntryStep } from './entry-history';

/** What a decision made in repairs asks of sanctions, on the day it is applied. */
export interface EntryDecision {
  entryId: string;
  /** 信用修复 (an approved repair case) or 撤销 (an objection upheld with WITHDRAWN). */
  action: ListAction.REPAIR | ListAction.REVOKE;
  /** The case that decided it: a repair case or an objection. */
  caseId: string;
  /** 移出原因, as the entry keeps it. */
  reason: string;
  /** The event, acting as the department that decided the case. */
  actor: Principal;
  today: string;
  logger: Logger;
}

/**
 * A decision made in repairs takes the entry off its list (信用修复, or 撤销 after an upheld
 * objection), as a workflow step in the event's transaction (`em`). An entry of an external
 * authority, or no longer published, stays as it is.
 */
export function removeDecidedEntry(em: EntityManager, decision: EntryDecision): Promise<ListEntry> {
  const { entryId, caseId, action, reason, today, logger } = decision;
  return runWorkflowStep(
    em,
    {},
    {
      entity: ListEntry,
      id: entryId,
      missing: `list entry ${entryId} of case ${caseId} does not exist`,
      lockFirst: (tx) => lockEntrySubject(tx, entryId),
      // Who may decide was settled with the case (谁认定、谁修复, repairs/rules/access.ts).
      authorize: () => undefined,
      transition: async (entry, tx) => {
        const kind = await tx.findOne(ListKind, { code: entry.listKind });
        if (kind && !kind.repairableHere) {
          // An external authority's entry leaves by that authority's removal, never by a decision here.
          logger.warn({ entryId, caseId, listKind: entry.listKind }, 'decision on an entry not decided here: ignored');
          return null;
        }
        const status = effectiveStatus(entry, today);
        if (status !== ListEntryStatus.PUBLISHED) {
          logger.warn({ entryId, status, caseId }, 'decided list entry is not published: nothing to remove');
          return null;
        }
        return transition(entry, action, { today, objectionDeadline: entry.objectionDeadline });
      },
      apply: (entry) => {
        entry.removalReason = reason;
      },
      record: (entry, from, tx) => recordEntryStep(tx, entry, action, from, decision.actor, reason),
      publish: (entry, tx) => announce(tx, entry),
    },
  );
}
