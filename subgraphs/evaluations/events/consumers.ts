import { consumer, EventConsumer } from '../../../shared/events/consume';
import {
  recordRepair,
  upsertCommitmentFact,
  upsertLicenseFacts,
  upsertListEntryFact,
  upsertPenaltyFacts,
  upsertSubjects,
} from '../repositories/fact-writes';
import { applyEvaluationObjection } from '../services/evaluation-objection';
import { recomputeSubjects } from '../services/recompute';

/**
 * Each event updates the facts it carries and regrades the subjects whose facts it changed, in the
 * consumer's transaction (applied once per event id: shared/events/consume.ts); evaluation.changed
 * goes out in the same transaction when a score or grade moved.
 */
const subjectsRegistered = consumer('evaluations.subjects-registered', 'subjects.registered', async (em, event) => {
  await recomputeSubjects(em, await upsertSubjects(em, event.payload.subjects, event.occurredAt));
});

const licensesChanged = consumer('evaluations.licenses-changed', 'licenses.changed', async (em, event) => {
  await recomputeSubjects(em, await upsertLicenseFacts(em, event.payload.licenses, event.occurredAt));
});

const penaltiesChanged = consumer('evaluations.penalties-changed', 'penalties.changed', async (em, event) => {
  await recomputeSubjects(em, await upsertPenaltyFacts(em, event.payload.penalties, event.occurredAt));
});

const penaltyRepaired = consumer('evaluations.penalty-repaired', 'penalty.repaired', async (em, event) => {
  const { penaltyId, repairCaseId, decidedAt } = event.payload;
  await recomputeSubjects(em, await recordRepair(em, { targetId: penaltyId, repairCaseId, decidedAt }));
});

const listEntryChanged = consumer('evaluations.list-entry-changed', 'list-entry.changed', async (em, event) => {
  await recomputeSubjects(em, await upsertListEntryFact(em, event.payload, event.occurredAt));
});

const listEntryRepaired = consumer('evaluations.list-entry-repaired', 'list-entry.repaired', async (em, event) => {
  const { entryId, repairCaseId, decidedAt } = event.payload;
  await recomputeSubjects(em, await recordRepair(em, { targetId: entryId, repairCaseId, decidedAt }));
});

const commitmentChanged = consumer('evaluations.commitment-changed', 'commitment.changed', async (em, event) => {
  await recomputeSubjects(em, await upsertCommitmentFact(em, event.payload, event.occurredAt));
});

/** An objection to a subject's evaluation marks it 异议处理中 while open; upheld, the subject is evaluated again. */
const objectionChanged = consumer('evaluations.objection-changed', 'objection.changed', (em, event, logger) =>
  applyEvaluationObjection(em, event.payload, new Date(event.occurredAt), logger),
);

export const evaluationsConsumers: EventConsumer[] = [
  subjectsRegistered,
  licensesChanged,
  penaltiesChanged,
  penaltyRepaired,
  listEntryChanged,
  listEntryRepaired,
  commitmentChanged,
  objectionChanged,
];
