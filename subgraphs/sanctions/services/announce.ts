import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent } from '../../../shared/events/publish';
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
