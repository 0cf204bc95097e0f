import { LockMode } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import type { Principal } from '../../../shared/auth/principal';
import { AuthorityKind, CreditList, ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { LIST_KIND } from '../rules/list-kinds';
import { chinaToday } from '../../../shared/domain/today';
import { consumer, EventConsumer } from '../../../shared/events/consume';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { recomputeObjectionDeadlines } from '../rules/recompute-deadlines';
import { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';
import { announce } from '../services/announce';
import { indexSubjects } from '../repositories/subject-index';
import { recordEntryStep } from '../services/entry-history';
import { proposeEntry } from '../services/propose-entry';
import { effectiveStatus, transition } from '../rules/workflow';

/** Who acts when an event changes a list: the event itself, on behalf of the department behind it. */
function eventActor(type: string, org: string | null): Principal {
  return { sub: `event:${type}`, name: type, org, roles: [], scopes: [], authenticated: true };
}

/** An approved repair of a list entry removes it (reason: 信用修复); an entry already gone stays as it is. */
const listEntryRepaired = consumer('sanctions.list-entry-repaired', 'list-entry.repaired', async (em, event, logger) => {
  const { entryId, repairCaseId } = event.payload;
  // One clock per event: the day it is applied.
  const today = chinaToday();
  const entry = await em.findOne(ListEntry, { id: entryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!entry) throw new Error(`list entry ${entryId} of repair case ${repairCaseId} does not exist`);
  const kind = await em.findOne(ListKind, { code: entry.listKind });
  if (kind && !kind.repairableHere) {
    // 谁认定、谁修复: an external authority's entry leaves by that authority's removal, never by a repair here.
    logger.warn({ entryId, repairCaseId, listKind: entry.listKind }, 'repair of an entry not repairable here: ignored');
    return;
  }
  const status = effectiveStatus(entry, today);
  if (status !== ListEntryStatus.PUBLISHED) {
    logger.warn({ entryId, status, repairCaseId }, 'repaired list entry is not published: nothing to remove');
    return;
  }
  const from = entry.status;
  entry.status = transition(entry, ListAction.REPAIR, { today, objectionDeadline: entry.objectionDeadline });
  entry.removalReason = `信用修复 (修复案件 ${repairCaseId})`;
  recordEntryStep(em, entry, ListAction.REPAIR, from, eventActor(event.type, null), entry.removalReason);
  await announce(em, entry);
});

/** A breached commitment files a WATCH-list proposal (§10: 违诺记入信用记录) by the department that recorded it. */
const commitmentBreached = consumer('sanctions.commitment-breached', 'commitment.breached', async (em, event, logger) => {
  const breach = event.payload;
  const today = chinaToday();
  if (breach.uscc === null) {
    logger.info({ commitmentId: breach.commitmentId }, 'breach by a natural person: lists are kept by USCC, no proposal');
    return;
  }
  try {
    await proposeEntry(
      em,
      eventActor(event.type, breach.departmentCode),
      {
        uscc: breach.uscc,
        list: CreditList.WATCH,
        reason: `违背信用承诺: ${breach.matter}`,
        basis: `信用承诺书 (承诺 ${breach.commitmentId})；违诺证据 ${breach.evidence}`,
        decisionNo: `违诺〔${breach.breachedOn.slice(0, 4)}〕${breach.commitmentId.slice(0, 8)}`,
        decidedAt: breach.breachedOn,
        validFrom: breach.breachedOn,
        validUntil: null,
        org: breach.departmentCode,
        // Recorded by the department that recorded the breach: it designates, and decides any repair.
        designation: { listKind: LIST_KIND.commitmentBreach, designatingAuthorityKind: AuthorityKind.LOCAL_DEPARTMENT, designatingAuthority: breach.departmentCode },
      },
      today,
    );
  } catch (error) {
    // Already on the watch list: the open entry covers this breach too.
    if ((error as GraphQLError).extensions?.reason === 'DUPLICATE_ENTRY') {
      logger.info({ commitmentId: breach.commitmentId }, 'subject already has an open WATCH entry');
      return;
    }
    throw error;
  }
});

/** New organisations from reports join the code index screening and proposals resolve through. */
const subjectsRegistered = consumer('sanctions.subjects-registered', 'subjects.registered', async (em, event) => {
  await indexSubjects(em, event.payload.subjects);
});

/** A loaded holiday notice: objection deadlines stored as provisional (or touching its dates) are counted again. */
const holidayCalendarChanged = consumer('sanctions.holiday-calendar-changed', 'holiday-calendar.changed', async (em, event, logger) => {
  const calendar = await loadWorkingDayCalendar(em);
  const recomputed = await recomputeObjectionDeadlines(em, calendar, event.payload.year);
  logger.info({ year: event.payload.year, changeId: event.payload.changeId, recomputed }, 'objection deadlines recomputed');
});

export const sanctionsConsumers: EventConsumer[] = [listEntryRepaired, commitmentBreached, subjectsRegistered, holidayCalendarChanged];
