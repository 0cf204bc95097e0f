import type { GraphQLError } from 'graphql';
import type { Principal } from '../../../shared/auth/principal';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { chinaToday } from '../../../shared/domain/today';
import { AuthorityKind, CreditGrade, CreditList, ListAction, Verdict } from '../../../shared/domain/vocabulary';
import { batchConsumer, consumer, EventConsumer } from '../../../shared/events/consume';
import { storeManyEvaluationFacts } from '../repositories/evaluation-facts';
import { indexSubjects } from '../repositories/subject-index';
import { LIST_KIND } from '../rules/list-kinds';
import { recomputeObjectionDeadlines } from '../rules/recompute-deadlines';
import { applyEntryObjection } from '../services/entry-objection';
import { proposeEntry } from '../services/propose-entry';
import { removeDecidedEntry } from '../services/repair-entry';
import { recomputeScreeningVerdicts } from '../services/screening-verdicts';

/** Who acts when an event changes a list: the event itself, on behalf of the department behind it. */
function eventActor(type: string, org: string | null): Principal {
  return { sub: `event:${type}`, name: type, org, roles: [], scopes: [], authenticated: true };
}

/** An approved repair of a list entry removes it (reason: 信用修复); an entry already gone stays as it is. */
const listEntryRepaired = consumer(
  'sanctions.list-entry-repaired',
  'list-entry.repaired',
  async (em, event, logger) => {
    const { entryId, repairCaseId } = event.payload;
    // One clock per event: the day it is applied.
    await removeDecidedEntry(em, {
      entryId,
      action: ListAction.REPAIR,
      caseId: repairCaseId,
      reason: `信用修复 (修复案件 ${repairCaseId})`,
      actor: eventActor(event.type, null),
      today: chinaToday(),
      logger,
    });
  },
);

/** A breached commitment files a WATCH-list proposal (§10: 违诺记入信用记录) by the department that recorded it. */
const commitmentBreached = consumer(
  'sanctions.commitment-breached',
  'commitment.breached',
  async (em, event, logger) => {
    const breach = event.payload;
    const today = chinaToday();
    if (breach.uscc === null) {
      logger.info(
        { commitmentId: breach.commitmentId },
        'breach by a natural person: lists are kept by USCC, no proposal',
      );
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
          designation: {
            listKind: LIST_KIND.commitmentBreach,
            designatingAuthorityKind: AuthorityKind.LOCAL_DEPARTMENT,
            designatingAuthority: breach.departmentCode,
          },
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
  },
);

/** New organisations from reports join the code index screening and proposals resolve through (kind, industry and street are not its concern). */
const subjectsRegistered = consumer('sanctions.subjects-registered', 'subjects.registered', async (em, event) => {
  await indexSubjects(em, event.payload.subjects);
});

/**
 * A subject's new grade and what its supervision rule says for a screening: the latest is kept per
 * subject (an older event changes nothing), and its screening verdict computed again. A grade or floor outside the vocabulary is refused, so
 * the event ends among the dead letters instead of screening by a value nobody defined (a fetch with one is
 * applied event by event, shared/events/consume.ts, so only that one does).
 * evaluation.changed is one event per subject, and a report of 1,000 new subjects grades 1,000 at once: a whole
 * fetch is applied in one transaction: the facts in one statement, the verdicts of all its subjects computed
 * once (4 statements), not one transaction of 6–8 statements per subject.
 */
const evaluationChanged = batchConsumer(
  'sanctions.evaluation-changed',
  'evaluation.changed',
  async (em, events) => {
    const grades: string[] = Object.values(CreditGrade);
    const verdicts: (string | null)[] = [...Object.values(Verdict), null];
    for (const { payload: facts } of events)
      if (!grades.includes(facts.grade) || !verdicts.includes(facts.verdictFloor))
        throw new Error(
          `evaluation.changed with grade ${facts.grade} and floor ${facts.verdictFloor}: not in the vocabulary`,
        );
    await storeManyEvaluationFacts(
      em,
      events.map((e) => e.payload),
    );
    // A new floor or 容缺受理 may change the subject's screening verdict: departments watching it are told.
    await recomputeScreeningVerdicts(
      em,
      events.map((e) => e.payload.subjectId),
    );
  },
  // pg-boss waits its interval after every fetch: 50 a fetch capped the queue at 100 subjects a second.
  { batchSize: 1000, pollingIntervalSeconds: 0.5 },
);

/** A loaded holiday notice: objection deadlines stored as provisional (or touching its dates) are counted again. */
const holidayCalendarChanged = consumer(
  'sanctions.holiday-calendar-changed',
  'holiday-calendar.changed',
  async (em, event, logger) => {
    const calendar = await loadWorkingDayCalendar(em);
    const recomputed = await recomputeObjectionDeadlines(em, calendar, event.payload.year);
    logger.info(
      { year: event.payload.year, changeId: event.payload.changeId, recomputed },
      'objection deadlines recomputed',
    );
  },
);

/** An objection to a list entry marks it 异议处理中 while open; upheld with WITHDRAWN, the entry is revoked. */
const objectionChanged = consumer('sanctions.objection-changed', 'objection.changed', async (em, event, logger) => {
  const change = event.payload;
  await applyEntryObjection(em, change, {
    actor: eventActor(event.type, change.decidedByCode),
    today: chinaToday(),
    logger,
    occurredAt: new Date(event.occurredAt),
  });
});

export const sanctionsConsumers: EventConsumer[] = [
  listEntryRepaired,
  objectionChanged,
  commitmentBreached,
  subjectsRegistered,
  holidayCalendarChanged,
  evaluationChanged,
];
