import type { EntityManager } from '../../../shared/db/orm';
import { runOn, RunSql } from '../../../shared/db/recompute-deadlines';
import { chinaToday } from '../../../shared/domain/today';
import { publishEvent } from '../../../shared/events/publish';
import {
  lockVerdictSubjects,
  readUnstoredVerdictInputs,
  readVerdictInputs,
  storeVerdicts,
} from '../repositories/screening-verdicts';
import { currentVerdict, verdictChanges } from '../rules/screening-change';

/**
 * The screening verdict of subjects whose entries or grade just changed, in the caller's transaction after
 * the change is written: stored when it differs from the one last stored, and announced (screening.changed,
 * to departments watching the codes) when it differs from what a screening said before. Four statements
 * at most whatever the number of subjects.
 */
export async function recomputeScreeningVerdicts(em: EntityManager, subjectIds: readonly string[]): Promise<void> {
  const ids = [...new Set(subjectIds)].sort();
  if (ids.length === 0) return;
  const run = runOn(em);
  await lockVerdictSubjects(run, ids);
  // Timed once the locks are held: one subject's changes are stamped in the order they are made.
  const now = new Date();
  const inputs = await readVerdictInputs(run, ids);
  const changedAt = now.toISOString();
  const { store, announce } = verdictChanges(inputs, chinaToday(now), changedAt);
  await storeVerdicts(run, store, changedAt);
  if (announce.length > 0) await publishEvent(em, 'screening.changed', { changes: announce });
}

const BASELINE_CHUNK = 5000;

/**
 * The verdict of every subject with a published entry or an evaluation and none stored, stored without
 * an announcement: what screening said before the first change after deploy (the migration that made the
 * table, and the demo seed after it). Returns how many were stored.
 */
export async function baselineScreeningVerdicts(run: RunSql, now = new Date()): Promise<number> {
  const today = chinaToday(now);
  let total = 0;
  for (;;) {
    const inputs = await readUnstoredVerdictInputs(run, BASELINE_CHUNK);
    if (inputs.length === 0) return total;
    await storeVerdicts(
      run,
      inputs.map((input) => currentVerdict(input, today)),
      now.toISOString(),
    );
    total += inputs.length;
  }
}
