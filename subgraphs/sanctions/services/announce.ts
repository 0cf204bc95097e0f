import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import type { ListEntryFacts } from '../../../shared/events/catalogue';
import { publishEvent, publishEvents } from '../../../shared/events/publish';
import type { RecordSnapshot } from '../../../shared/exchange/record-snapshot';
import { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';
import { readEntryVersions } from '../repositories/entry-versions';
import { entrySnapshot } from '../rules/exchange-entries';
import { recomputeScreeningVerdicts } from './screening-verdicts';

/**
 * Tells the subgraphs that act on list entries their new state, in the same transaction: repairs (one
 * list-entry.changed per entry), the exchange (one records.changed with every entry in full, kind
 * LIST_ENTRY) and, when a subject's screening verdict changes with them, the departments watching its
 * code (screening.changed). Every status change goes through here; a set of entries changed at once is
 * announced in one call, in a constant number of statements.
 */
export async function announceEntries(em: EntityManager, entries: readonly ListEntry[]): Promise<void> {
  if (entries.length === 0) return;
  for (const entry of entries) entry.kindAnnounced = true;
  // Written first: the versions, the history and the verdicts below read the entries as changed.
  await em.flush();
  const now = new Date();
  const kinds = await kindsOf(em, entries);
  const facts: ListEntryFacts[] = entries.map((entry) => {
    const kind = kinds.get(entry.listKind);
    return {
      entryId: entry.id,
      subjectId: entry.subjectId,
      list: entry.list,
      status: entry.status,
      decidedByCode: entry.decidedByCode,
      validUntil: entry.validUntil,
      listKind: entry.listKind,
      designatingAuthorityKind: entry.designatingAuthorityKind,
      designatingAuthority: entry.designatingAuthority,
      repairableHere: kind?.repairableHere ?? false,
      turnTo: kind?.turnTo ?? null,
    };
  });
  await publishEvents(em, 'list-entry.changed', facts);
  await publishEvent(em, 'records.changed', { records: await entryRecords(em, entries, kinds, now) });
  await recomputeScreeningVerdicts(
    em,
    entries.map((e) => e.subjectId),
  );
}

/** The kinds of these entries by code: one statement. */
async function kindsOf(em: EntityManager, entries: readonly ListEntry[]): Promise<Map<string, ListKind>> {
  const codes = [...new Set(entries.map((e) => e.listKind))];
  return new Map((await em.find(ListKind, { code: { $in: codes } })).map((k) => [k.code, k]));
}

/**
 * The entries as the exchange gets them (LIST_ENTRY snapshots), each with a new version read after
 * their change is written: one statement.
 */
async function entryRecords(
  em: EntityManager,
  entries: readonly ListEntry[],
  kinds: ReadonlyMap<string, ListKind>,
  now: Date,
): Promise<RecordSnapshot[]> {
  const versions = new Map(
    (
      await readEntryVersions(
        em,
        entries.map((e) => e.id),
      )
    ).map((v) => [v.id, v]),
  );
  const today = chinaToday(now);
  const changedAt = now.toISOString();
  return entries.map((entry) => {
    const version = versions.get(entry.id);
    if (!version) throw new Error(`list entry ${entry.id} was announced but not written`);
    const kind = kinds.get(entry.listKind);
    return entrySnapshot(
      entry,
      { name: kind?.name ?? null, repairableHere: kind?.repairableHere ?? false, turnTo: kind?.turnTo ?? null },
      Number(version.version),
      version.lastAction,
      today,
      changedAt,
    );
  });
}

/**
 * Tells the exchange alone (records.changed) the entries with these ids as they are, each with a new
 * version: for entries it has never been sent (the start-up backfill). Three statements.
 */
export async function announceEntryRecords(em: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const entries = await em.find(ListEntry, { id: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
  const records = await entryRecords(em, entries, await kindsOf(em, entries), new Date());
  await publishEvent(em, 'records.changed', { records });
}

/** One entry's new state (a workflow step, a proposal): announceEntries for one. */
export function announce(em: EntityManager, entry: ListEntry): Promise<void> {
  return announceEntries(em, [entry]);
}
