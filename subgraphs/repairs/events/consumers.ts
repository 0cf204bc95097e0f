import { loadWorkingDayCalendar, noticeWindow } from '../../../shared/db/calendar';
import { runOn } from '../../../shared/db/recompute-deadlines';
import { batchConsumer, BULK_POLLING, consumer, EventConsumer } from '../../../shared/events/consume';
import { SCHEMA } from '../config';
import {
  fillPenaltyPublicity,
  upsertListEntryFact,
  upsertObjectableFacts,
  upsertPenaltyFacts,
} from '../repositories/facts';
import { CASE_DEADLINE_TABLES, recomputeCaseDeadlines } from '../rules/recompute-deadlines';
import { commitmentChanged } from './commitment-consumer';

/**
 * Keeps the facts current: an update replaces them, a revocation marks them; a late, older event changes nothing.
 * The publicity facts are subjects' computation; an event without them (sent before they existed) keeps those known.
 */
const penaltiesChanged = consumer('repairs.penalties-changed', 'penalties.changed', async (em, event) => {
  await upsertPenaltyFacts(em, event.payload.penalties, event.occurredAt);
  await fillPenaltyPublicity(em, event.payload.penalties);
});

const listEntryChanged = consumer('repairs.list-entry-changed', 'list-entry.changed', async (em, event) => {
  await upsertListEntryFact(em, event.payload, event.occurredAt);
});

/** Licences, actions and evaluations are kept only to route an objection to them (异议). */
const licensesChanged = consumer('repairs.licenses-changed', 'licenses.changed', async (em, event) => {
  const rows = event.payload.licenses.map((l) => ({
    id: l.licenseId,
    kind: 'LICENSE' as const,
    subjectId: l.subjectId,
    ownerCode: l.dataSourceCode ?? null,
    withdrawn: l.revoked,
    changedAt: event.occurredAt,
  }));
  await upsertObjectableFacts(em, rows);
});

const actionsChanged = consumer('repairs.actions-changed', 'actions.changed', async (em, event) => {
  const rows = event.payload.actions.map((a) => ({
    id: a.actionId,
    kind: 'ACTION' as const,
    subjectId: a.subjectId,
    ownerCode: a.dataSourceCode,
    withdrawn: a.withdrawn,
    changedAt: event.occurredAt,
  }));
  await upsertObjectableFacts(em, rows);
});

/**
 * The district evaluation is the credit office's (owner null): it is known by the evaluated subject's id.
 * A whole fetch at once (every subject's grade arrives together after a model change).
 */
const evaluationChanged = batchConsumer(
  'repairs.evaluation-changed',
  'evaluation.changed',
  async (em, events) => {
    await upsertObjectableFacts(
      em,
      events.map(({ payload, occurredAt }) => ({
        id: payload.subjectId,
        kind: 'EVALUATION' as const,
        subjectId: payload.subjectId,
        ownerCode: null,
        withdrawn: false,
        changedAt: occurredAt,
      })),
    );
  },
  BULK_POLLING,
);

/** A loaded holiday notice: limits of repair cases and objections stored as provisional (or counted over its dates) are counted again. */
const holidayCalendarChanged = consumer(
  'repairs.holiday-calendar-changed',
  'holiday-calendar.changed',
  async (em, event, logger) => {
    const calendar = await loadWorkingDayCalendar(em);
    let recomputed = 0;
    for (const cases of CASE_DEADLINE_TABLES)
      recomputed += await recomputeCaseDeadlines(runOn(em), SCHEMA, calendar, noticeWindow(event.payload.year), cases);
    logger.info(
      { year: event.payload.year, changeId: event.payload.changeId, recomputed },
      'repair time limits recomputed',
    );
  },
);

export const repairsConsumers: EventConsumer[] = [
  penaltiesChanged,
  listEntryChanged,
  licensesChanged,
  actionsChanged,
  evaluationChanged,
  commitmentChanged,
  holidayCalendarChanged,
];
