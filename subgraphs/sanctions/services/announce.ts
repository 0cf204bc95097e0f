import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent, publishEvents } from '../../../shared/events/publish';
import type { ListEntry } from '../entities/list-entry';
import { ListKind } from '../entities/list-kind';

/** Tells the subgraphs that act on list entries (repairs) its new state, in the same transaction. */
export async function announce(em: EntityManager, entry: ListEntry): Promise<void> {
  entry.kindAnnounced = true;
  await publishEvent(em, 'list-entry.changed', {
    entryId: entry.id,
    subjectId: entry.subjectId,
    list: entry.list,
    status: entry.status,
    decidedByCode: entry.decidedByCode,
    validUntil: entry.validUntil,
    ...(await kindFacts(em, entry)),
  });
}

/** What repairs needs of the entry's kind: who designated it, whether it is repaired here and where else to turn. */
async function kindFacts(em: EntityManager, entry: ListEntry) {
  const kind = await em.findOne(ListKind, { code: entry.listKind });
  return {
    listKind: entry.listKind,
    designatingAuthorityKind: entry.designatingAuthorityKind,
    designatingAuthority: entry.designatingAuthority,
    repairableHere: kind?.repairableHere ?? false,
    turnTo: kind?.turnTo ?? null,
  };
}

/**
 * announce for many entries at once (an upper-level list import): the same list-entry.changed per
 * entry, in the caller's transaction, in one statement per queue whatever their number, the kinds read
 * in one more. Marks them announced like announce.
 */
export async function announceEntries(em: EntityManager, entries: readonly ListEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const codes = [...new Set(entries.map((entry) => entry.listKind))];
  const kinds = new Map((await em.find(ListKind, { code: { $in: codes } })).map((kind) => [kind.code, kind]));
  await publishEvents(
    em,
    'list-entry.changed',
    entries.map((entry) => {
      entry.kindAnnounced = true;
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
    }),
  );
}
