import { loadWorkingDayCalendar, noticeWindow } from '../../../shared/db/calendar';
import { runOn } from '../../../shared/db/recompute-deadlines';
import { batchConsumer, consumer, EventConsumer } from '../../../shared/events/consume';
import { SCHEMA } from '../config';
import {
  fillPenaltyPublicity,
  ObjectableFactRow,
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
  }));
  await upsertObjectableFacts(em, rows, event.occurredAt);
});

const actionsChanged = consumer('repairs.actions-changed', 'actions.changed', async (em, event) => {
  const rows = event.payload.actions.map((a) => ({
    id: a.actionId,
    kind: 'ACTION' as const,
    subjectId: a.subjectId,
    ownerCode: a.dataSourceCode,
    withdrawn: a.withdrawn,
  }));
  await upsertObjectableFacts(em, rows, event.occurredAt);
});

/**
 * The district evaluation is the credit office's (owner null): it is known by the evaluated subject's id.
 * evaluation.changed is one event per subject, and a report of 1,000 new subjects grades 1,000 at once: a whole
 * fetch goes in one transaction, one statement per instant the events were sent at (evaluations sends a
 * regrading with one), each subject once in it; the upsert keeps the latest whatever the order.
 */
const evaluationChanged = batchConsumer(
  'repairs.evaluation-changed',
  'evaluation.changed',
  async (em, events) => {
    const byInstant = new Map<string, Map<string, ObjectableFactRow>>();
    for (const { occurredAt, payload } of events) {
      const rows = byInstant.get(occurredAt) ?? new Map<string, ObjectableFactRow>();
      const { subjectId } = payload;
      rows.set(subjectId, { id: subjectId, kind: 'EVALUATION', subjectId, ownerCode: null, withdrawn: false });
      byInstant.set(occurredAt, rows);
    }
    for (const instant of [...byInstant.keys()].sort())
      await upsertObjectableFacts(em, [...byInstant.get(instant)!.values()], instant);
  },
  // As the exchange's: pg-boss waits its interval after every fetch, and 50 a fetch would trail a large report by minutes.
  { batchSize: 1000, pollingIntervalSeconds: 0.5 },
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
