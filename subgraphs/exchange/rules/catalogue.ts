import type { ExchangeRecordKind, RecordSnapshot, SnapshotValue } from '../../../shared/exchange/record-snapshot';

/**
 * The rules of one catalogue line (catalogue_line.rules), all optional:
 * - includeIdNumber: the receiver may get `idNumber` (身份证号); false or absent = removed.
 * - includeMinor (PENALTY): true = 轻微 penalties go to the receiver whether or not they are published;
 *   false or absent = a minor penalty goes only while subjects' publicity rule publishes it
 *   (令第36号: 轻微失信信息原则上不予公示, 确有必要公示的 published — docs/rules/publicity-and-repair.md).
 * - lists (LIST_ENTRY): the 名单 sent (RED, BLACK, WATCH); absent = every list.
 * - authorityKinds (LIST_ENTRY): the 认定单位类别 sent (shared/domain/vocabulary.ts AuthorityKind); absent = all.
 */
export interface LineRules {
  includeIdNumber?: boolean;
  includeMinor?: boolean;
  lists?: string[];
  authorityKinds?: string[];
}

/** A catalogue line as the rules read it. */
export interface LineSpec {
  receiverCode: string;
  kind: ExchangeRecordKind;
  fields: readonly string[] | null;
  rules: LineRules;
}

/** The snapshot fields the rules read (producers name them so: shared/events/catalogue.ts PenaltyFacts, ListEntryFacts). */
export const RULE_FIELDS = {
  severity: 'severity',
  published: 'published',
  list: 'list',
  authorityKind: 'designatingAuthorityKind',
  idNumber: 'idNumber',
} as const;

/** Does the line share this record now? A WITHDRAWN record matches no line (it leaves as a withdrawal). */
export function lineMatches(line: LineSpec, snapshot: RecordSnapshot): boolean {
  if (line.kind !== snapshot.kind || snapshot.state !== 'ACTIVE') return false;
  const fields = snapshot.fields;
  if (snapshot.kind === 'PENALTY') return penaltyShared(line.rules, fields);
  if (snapshot.kind === 'LIST_ENTRY') {
    if (line.rules.lists && !line.rules.lists.includes(String(fields[RULE_FIELDS.list]))) return false;
    if (line.rules.authorityKinds && !line.rules.authorityKinds.includes(String(fields[RULE_FIELDS.authorityKind])))
      return false;
  }
  return true;
}

/**
 * A penalty goes while subjects' rule table publishes it (`published`; absent in a snapshot that does not say:
 * shared). A 轻微 one is shared only when published (令第36号: 原则上不予公示, 确有必要公示的 published for ≤ 3
 * months), unless the line's includeMinor takes minor penalties regardless (a platform that 归集s every record).
 */
function penaltyShared(rules: LineRules, fields: Record<string, SnapshotValue>): boolean {
  const published = fields[RULE_FIELDS.published];
  if (fields[RULE_FIELDS.severity] === 'MINOR') return rules.includeMinor === true || published === true;
  return published !== false;
}

/** The snapshot as the line lets its receiver see it: the `fields` whitelist, and no idNumber unless allowed. */
export function filterSnapshot(line: LineSpec, snapshot: RecordSnapshot): RecordSnapshot {
  const kept: Record<string, SnapshotValue> = {};
  for (const [name, value] of Object.entries(snapshot.fields)) {
    if (line.fields && !line.fields.includes(name)) continue;
    if (name === RULE_FIELDS.idNumber && line.rules.includeIdNumber !== true) continue;
    kept[name] = value;
  }
  return { ...snapshot, fields: kept };
}

/** What a change of a record means for one receiver: a new version to hold, one to drop, or nothing. */
export type LineOutcome =
  { operation: 'UPSERT'; record: RecordSnapshot } | { operation: 'WITHDRAW'; record: RecordSnapshot } | null;

/**
 * `had`: the receiver's last entry for the record was an UPSERT (it holds a copy). A record that matches goes
 * out filtered; one that stops matching (withdrawn, no longer public, off the line's lists) becomes a
 * WITHDRAW for a receiver that had it, carrying only the key fields it was allowed to see; otherwise nothing.
 */
export function outcomeFor(line: LineSpec | undefined, snapshot: RecordSnapshot, had: boolean): LineOutcome {
  if (line && lineMatches(line, snapshot)) return { operation: 'UPSERT', record: filterSnapshot(line, snapshot) };
  if (!had) return null;
  const withdrawn: RecordSnapshot = line ? filterSnapshot(line, snapshot) : { ...snapshot, fields: {} };
  return {
    operation: 'WITHDRAW',
    record: {
      ...withdrawn,
      state: 'WITHDRAWN',
      withdrawalReason: snapshot.withdrawalReason ?? 'NOT_PUBLIC',
    },
  };
}
