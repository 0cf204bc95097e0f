import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import type { Logger } from '../../../shared/logging/logger';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';
import { effectiveStatus, transition } from '../rules/workflow';
import { announce } from './announce';
import { recordEntryStep } from './entry-history';

/** What an approved repair case (list-entry.repaired) asks of sanctions, on the day it is applied. */
export interface EntryRepair {
  entryId: string;
  repairCaseId: string;
  /** The event, acting as the department that decided the case. */
  actor: Principal;
  today: string;
  logger: Logger;
}

/**
 * 信用修复 decided in repairs: the entry leaves its list (reason 信用修复), as a
 * workflow step in the event's transaction (`em`). An entry not repaired here, or
 * no longer published, stays as it is.
 */
export function removeRepairedEntry(em: EntityManager, repair: EntryRepair): Promise<ListEntry> {
  const { entryId, repairCaseId, today, logger } = repair;
  const reason = `信用修复 (修复案件 ${repairCaseId})`;
  return runWorkflowStep(
    em,
    {},
    {
      entity: ListEntry,
      id: entryId,
      missing: `list entry ${entryId} of repair case ${repairCaseId} does not exist`,
      // Who may repair was decided with the case (谁认定、谁修复, repairs/rules/access.ts).
      authorize: () => undefined,
      transition: async (entry, tx) => {
        const kind = await tx.findOne(ListKind, { code: entry.listKind });
        if (kind && !kind.repairableHere) {
          // An external authority's entry leaves by that authority's removal, never by a repair here.
          logger.warn(
            { entryId, repairCaseId, listKind: entry.listKind },
            'repair of an entry not repairable here: ignored',
          );
          return null;
        }
        const status = effectiveStatus(entry, today);
        if (status !== ListEntryStatus.PUBLISHED) {
          logger.warn({ entryId, status, repairCaseId }, 'repaired list entry is not published: nothing to remove');
          return null;
        }
        return transition(entry, ListAction.REPAIR, { today, objectionDeadline: entry.objectionDeadline });
      },
      apply: (entry) => {
        entry.removalReason = reason;
      },
      record: (entry, from, tx) => recordEntryStep(tx, entry, ListAction.REPAIR, from, repair.actor, reason),
      publish: (entry, tx) => announce(tx, entry),
    },
  );
}
