import type { GraphQLError } from 'graphql';
import type { Principal } from '../../../shared/auth/principal';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { chinaToday } from '../../../shared/domain/today';
import { AuthorityKind, CreditGrade, CreditList, ListAction, Verdict } from '../../../shared/domain/vocabulary';
import type { CreditEvent } from '../../../shared/events/catalogue';
import { batchConsumer, consumer, EventConsumer } from '../../../shared/events/consume';
import { storeEvaluationFacts } from '../repositories/evaluation-facts';
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

/** Why an evaluation cannot screen: a grade or floor outside the vocabulary, which nobody defined. */
function evaluationOutsideVocabulary({ payload }: CreditEvent<'evaluation.changed'>): string | null {
  const grades: string[] = Object.values(CreditGrade);
  const verdicts: (string | null)[] = [...Object.values(Verdict), null];
  return grades.includes(payload.grade) && verdicts.includes(payload.verdictFloor)
    ? null
    : `evaluation.changed with grade ${payload.grade} and floor ${payload.verdictFloor}: not in the vocabulary`;
}

/**
 * Subjects' new grades and what their supervision rules say for a screening: the latest is kept per
 * subject (an older event changes nothing), and their screening verdicts computed again — a whole fetch at
 * once, so that the evaluations subgraph grading every subject (100,000 events) does not keep screening
 * behind for an hour. An event outside the vocabulary is refused alone and ends among the dead letters.
 */
const evaluationChanged = batchConsumer(
  'sanctions.evaluation-changed',
  'evaluation.changed',
  async (em, events) => {
    await storeEvaluationFacts(
      em,
      events.map((e) => e.payload),
    );
    await recomputeScreeningVerdicts(
      em,
      events.map((e) => e.payload.subjectId),
    );
  },
  // 500 a fetch, one worker: recomputing takes an advisory lock per subject, and PostgreSQL's lock table is shared.
  { batchSize: 500, pollingIntervalSeconds: 0.5, refuse: evaluationOutsideVocabulary },
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
