import type { EntityManager } from '../../../shared/db/orm';
import type { RecordSnapshot, ScreeningChange } from '../../../shared/exchange/record-snapshot';
import { appendToFeed, holders, linesInForce, upsertRecordStates, watchersOf } from '../repositories/feed';
import { latestSnapshots, planRecordEntries, planScreeningEntries } from '../rules/feed-plan';

/**
 * Changed records into the feeds, in the caller's transaction, in a constant number of statements however
 * many records and receivers: the record states (an older version changes nothing), the catalogue in force,
 * who holds the records that advanced (skipped when all are new), then the receivers' counters and the
 * entries. Returns entries appended.
 */
export async function feedRecords(em: EntityManager, snapshots: readonly RecordSnapshot[]): Promise<number> {
  const latest = latestSnapshots(snapshots);
  if (latest.length === 0) return 0;
  const { advanced, seenBefore } = await upsertRecordStates(em, latest);
  const changed = latest.filter((s) => advanced.has(`${s.kind}:${s.key}`));
  if (changed.length === 0) return 0;
  const lines = await linesInForce(em);
  // A record first seen now is held by nobody: no look-up for it.
  const held = await holders(
    em,
    changed.filter((s) => seenBefore.has(`${s.kind}:${s.key}`)),
  );
  const catalogueVersion = lines[0]?.catalogueVersion ?? null;
  return appendToFeed(em, planRecordEntries(changed, lines, held, catalogueVersion));
}

/** Screening changes into the feeds of the departments watching the codes: two or three statements. */
export async function feedScreenings(em: EntityManager, changes: readonly ScreeningChange[]): Promise<number> {
  if (changes.length === 0) return 0;
  const watchers = await watchersOf(em, [...new Set(changes.map((c) => c.uscc))]);
  return appendToFeed(em, planScreeningEntries(changes, watchers));
}
