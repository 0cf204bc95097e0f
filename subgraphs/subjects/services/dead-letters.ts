import { badUserInput } from '../../../shared/graphql/errors';
import type { SubjectsContext } from '../loaders';
import { newestDeadLetters } from '../repositories/dead-letters';
import type { DeadLetter } from '../types/dead-letter';

/** The newest `first` (1–500) dead letters, with how long each has waited as of now. */
export async function listDeadLetters(ctx: SubjectsContext, first: number): Promise<DeadLetter[]> {
  if (first < 1 || first > 500) throw badUserInput('first', "'first' must be 1–500");
  const rows = await newestDeadLetters(ctx.em, first);
  return rows.map((row) => ({
    eventId: row.data.id,
    type: row.data.type,
    queue: row.queue,
    payload: row.data.payload,
    error: row.error?.message ?? null,
    failedAt: new Date(row.failed_at),
    ageSeconds: Math.max(0, Math.floor((Date.now() - new Date(row.failed_at).getTime()) / 1000)),
  }));
}
