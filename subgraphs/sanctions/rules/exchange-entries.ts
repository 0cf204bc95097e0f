import { ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import type { RecordSnapshot, SnapshotValue, WithdrawalReason } from '../../../shared/exchange/record-snapshot';
import { usccSubjectKind } from '../../../shared/identifiers/uscc';
import { isActiveEntry, isPublished, ListEntryValidity } from './active';
import { effectiveStatus } from './workflow';

/** A list entry as the exchange describes it: the entity's own fields (services/announce.ts reads them off the entity). */
export interface EntryForExchange extends ListEntryValidity {
  id: string;
  subjectId: string;
  subjectUscc: string;
  subjectName: string;
  reason: string;
  basis: string;
  decisionNo: string;
  decidedByCode: string;
  listKind: string;
  designatingAuthorityKind: string;
  designatingAuthority: string;
  decidedAt: string;
  validFrom: string | null;
  reportedAt: Date;
  notifiedAt: string | null;
  objectionDeadline: string | null;
  removalReason: string | null;
}

/** What the entry's kind (list_kind) adds: its name, and whether it is repaired here or where to turn (谁认定、谁修复). */
export interface EntryKindFacts {
  name: string | null;
  repairableHere: boolean;
  turnTo: string | null;
}

/**
 * Why an entry is not shared as binding, or null while it binds (rules/active.ts: published and within
 * its validity): 移出 by 信用修复 (its last step REPAIR) or otherwise (撤销, an objection upheld, a red entry
 * leaving for the black list); 届满 (its validity over); not yet published, or published ahead of its
 * validity (NOT_PUBLIC). The watch list is sent as its state says; the catalogue decides who gets it.
 */
export function entryWithdrawal(
  entry: ListEntryValidity,
  lastAction: ListAction | null,
  today: string,
): WithdrawalReason | null {
  if (isActiveEntry(entry, today)) return null;
  const status = effectiveStatus(entry, today);
  if (status === ListEntryStatus.REMOVED) return lastAction === ListAction.REPAIR ? 'REPAIRED' : 'REMOVED';
  if (status === ListEntryStatus.EXPIRED) return 'EXPIRED';
  return 'NOT_PUBLIC';
}

/** A list entry in full for the exchange (kind LIST_ENTRY), its status as it reads today (EXPIRED past its validity). */
export function entrySnapshot(
  entry: EntryForExchange,
  kind: EntryKindFacts,
  version: number,
  lastAction: ListAction | null,
  today: string,
  changedAt: string,
): RecordSnapshot {
  const withdrawal = entryWithdrawal(entry, lastAction, today);
  const fields: Record<string, SnapshotValue> = {
    id: entry.id,
    subjectId: entry.subjectId,
    subjectUscc: entry.subjectUscc,
    subjectName: entry.subjectName,
    list: entry.list,
    status: effectiveStatus(entry, today),
    reason: entry.reason,
    basis: entry.basis,
    decisionNo: entry.decisionNo,
    decidedByCode: entry.decidedByCode,
    listKind: entry.listKind,
    listKindName: kind.name,
    designatingAuthorityKind: entry.designatingAuthorityKind,
    designatingAuthority: entry.designatingAuthority,
    repairableHere: kind.repairableHere,
    turnTo: kind.turnTo,
    decidedAt: entry.decidedAt,
    validFrom: entry.validFrom,
    validUntil: entry.validUntil,
    reportedAt: entry.reportedAt.toISOString(),
    notifiedAt: entry.notifiedAt,
    objectionDeadline: entry.objectionDeadline,
    removalReason: entry.removalReason,
    published: isPublished(entry, today),
  };
  return {
    kind: 'LIST_ENTRY',
    key: entry.id,
    version,
    state: withdrawal === null ? 'ACTIVE' : 'WITHDRAWN',
    withdrawalReason: withdrawal,
    // Lists are kept by 统一社会信用代码: the code says what kind of subject it is (GB 32100-2015).
    subject: {
      id: entry.subjectId,
      uscc: entry.subjectUscc,
      name: entry.subjectName,
      kind: usccSubjectKind(entry.subjectUscc) ?? 'UNKNOWN',
    },
    fields,
    changedAt,
  };
}
