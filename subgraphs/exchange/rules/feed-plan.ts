import type { RecordSnapshot, ScreeningChange } from '../../../shared/exchange/record-snapshot';
import { LineSpec, outcomeFor } from './catalogue';

/** An entry the catalogue calls for, before it is given its receiver's seq. */
export interface PlannedEntry {
  receiverCode: string;
  topic: 'RECORD' | 'SCREENING';
  kind: RecordSnapshot['kind'] | null;
  key: string;
  version: number;
  operation: 'UPSERT' | 'WITHDRAW' | 'SCREENING';
  payload: RecordSnapshot | ScreeningChange;
  catalogueVersion: number | null;
}

/**
 * Of several snapshots of one record (a fetch of events may carry a record twice), the highest version:
 * the latest one wins, as on every receiver.
 */
export function latestSnapshots(snapshots: readonly RecordSnapshot[]): RecordSnapshot[] {
  const byKey = new Map<string, RecordSnapshot>();
  for (const s of snapshots) {
    const id = `${s.kind}:${s.key}`;
    const held = byKey.get(id);
    if (!held || held.version < s.version) byKey.set(id, s);
  }
  // In key order: concurrent consumers lock record_state rows in one order (no deadlock between them).
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

/** "This receiver holds a copy of this record" as one string (the holders' set). */
export function holding(receiverCode: string, kind: string, key: string): string {
  return `${receiverCode}|${kind}:${key}`;
}

/**
 * The feed entries a set of changed records makes: for every receiver with a line in force, or holding a
 * copy of a record (`held`: holding ids), what outcomeFor says — an UPSERT of what its line lets it see, a
 * WITHDRAW for one that had the record and must not have it now, or nothing. Records in the order given,
 * receivers by code.
 */
export function planRecordEntries(
  snapshots: readonly RecordSnapshot[],
  lines: readonly LineSpec[],
  held: ReadonlySet<string>,
  catalogueVersion: number | null,
): PlannedEntry[] {
  const holders = [...held].map((h) => h.slice(0, h.indexOf('|')));
  const receivers = [...new Set([...lines.map((l) => l.receiverCode), ...holders])].sort();
  const lineOf = new Map(lines.map((l) => [`${l.receiverCode}|${l.kind}`, l]));
  const planned: PlannedEntry[] = [];
  for (const snapshot of snapshots) {
    for (const receiverCode of receivers) {
      const had = held.has(holding(receiverCode, snapshot.kind, snapshot.key));
      const outcome = outcomeFor(lineOf.get(`${receiverCode}|${snapshot.kind}`), snapshot, had);
      if (!outcome) continue;
      planned.push({
        receiverCode,
        topic: 'RECORD',
        kind: snapshot.kind,
        key: snapshot.key,
        version: snapshot.version,
        operation: outcome.operation,
        payload: outcome.record,
        catalogueVersion,
      });
    }
  }
  return planned;
}

/** A SCREENING entry per watching receiver; the version is the change's time (a later change wins). */
export function planScreeningEntries(
  changes: readonly ScreeningChange[],
  watchers: readonly { receiverCode: string; uscc: string }[],
): PlannedEntry[] {
  const byCode = new Map<string, string[]>();
  for (const w of watchers) byCode.set(w.uscc, [...(byCode.get(w.uscc) ?? []), w.receiverCode]);
  return changes.flatMap((change) =>
    (byCode.get(change.uscc) ?? []).map((receiverCode) => ({
      receiverCode,
      topic: 'SCREENING' as const,
      kind: null,
      key: change.uscc,
      version: Date.parse(change.changedAt),
      operation: 'SCREENING' as const,
      payload: change,
      catalogueVersion: null,
    })),
  );
}
