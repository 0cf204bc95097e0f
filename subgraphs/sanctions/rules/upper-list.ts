import { AuthorityKind, CreditList, ListEntryStatus } from '../../../shared/domain/vocabulary';
import {
  DEFAULT_STRING_LENGTH,
  FREE_TEXT_LENGTH,
  UPPER_LIST_SOURCE_KEY_LENGTH,
} from '../../../shared/graphql/input-limits';
import { parseCalendarDate } from '../../../shared/graphql/scalars';
import { checkUscc } from '../../../shared/identifiers/uscc';

/**
 * 国家、省下发的联合惩戒对象名单 (姑苏信用办〔2020〕2号 §16): lists designated by an upper-level
 * authority (a court, the tax authority, an upper credit platform) and imported here as they are issued.
 * docs/rules/authority-and-lists.md, section 5.
 */

/** How an import reads its entries: the source's whole list of the kind, or its changes. */
export enum UpperListMode {
  /** 全量: the file is the source's whole list of the kind; an entry it no longer holds is removed. */
  SNAPSHOT = 'SNAPSHOT',
  /** 增量: additions and changes, and removals marked as such; entries not named stay. */
  CHANGES = 'CHANGES',
}

/** Designating authorities above the district: their lists are imported, never designated here. */
export const UPPER_LEVEL_AUTHORITIES: readonly AuthorityKind[] = [
  AuthorityKind.COURT,
  AuthorityKind.TAX,
  AuthorityKind.UPPER_PLATFORM,
];

/** 移出原因 of an entry its source removed (the text the published list shows). */
export const SOURCE_REMOVED = '来源平台移出 (SOURCE_REMOVED)';

/** What the import needs of a list kind (the list_kind row). */
export interface ImportableKind {
  code: string;
  name: string;
  list: CreditList;
  authorityKind: AuthorityKind;
}

/**
 * Why a kind cannot be imported, or null: only a joint-punishment list (黑名单) of an upper-level
 * authority. A district kind is designated here (proposeListEntry); a red list (A级纳税人) is an
 * incentive, which §16 does not send down, and a red entry beside a district black one would break
 * the rule that a subject is never on both (BLACK_AND_RED), which an import cannot ask anyone to settle.
 */
export function importRefusal(kind: ImportableKind): string | null {
  if (!UPPER_LEVEL_AUTHORITIES.includes(kind.authorityKind))
    return `${kind.code} (${kind.name}) is designated by ${kind.authorityKind}, not an upper-level authority (${UPPER_LEVEL_AUTHORITIES.join(', ')}): it is proposed here (proposeListEntry), not imported`;
  if (kind.list !== CreditList.BLACK)
    return `${kind.code} (${kind.name}) is a ${kind.list} list: only joint-punishment lists (黑名单, 联合惩戒对象名单) are imported`;
  return null;
}

/** An entry as the source sends it (UpperListEntryInput, or a row of the file). */
export interface UpperListRow {
  sourceKey: string;
  uscc: string;
  name: string;
  decidedOn: string;
  documentNumber: string;
  authority: string;
  reason: string;
  validUntil?: string | null;
  removed?: boolean | null;
}

/** A row that passed every check: texts trimmed, the code normalised. */
export interface CheckedRow {
  /** Its place in `input.entries` (0-based). */
  index: number;
  sourceKey: string;
  uscc: string;
  name: string;
  decidedOn: string;
  documentNumber: string;
  authority: string;
  reason: string;
  validUntil: string | null;
  removed: boolean;
}

/** Why a row was refused: its index, the field, a code and the message. */
export interface RowRejection {
  index: number;
  sourceKey: string | null;
  field: string;
  code: string;
  message: string;
}

/** A row's problem (a row code, not a GraphQL error code: the import answers them as data). */
function rowRejection(
  index: number,
  sourceKey: string | null,
  field: string,
  code: string,
  message: string,
): RowRejection {
  return { index, sourceKey, field, code, message };
}

const TEXTS: readonly { field: keyof UpperListRow; header: string; max: number }[] = [
  { field: 'sourceKey', header: '来源编号', max: UPPER_LIST_SOURCE_KEY_LENGTH },
  { field: 'name', header: '主体名称', max: DEFAULT_STRING_LENGTH },
  { field: 'documentNumber', header: '认定文书号', max: DEFAULT_STRING_LENGTH },
  { field: 'authority', header: '认定单位', max: DEFAULT_STRING_LENGTH },
  { field: 'reason', header: '列入事由', max: FREE_TEXT_LENGTH },
];

/** Characters as PostgreSQL counts them (code points). */
function characters(value: string): number {
  return [...value].length;
}

function checkRow(row: UpperListRow, index: number, today: string): CheckedRow | RowRejection[] {
  const problems: RowRejection[] = [];
  const sourceKey = row.sourceKey.trim();
  const reject = (field: string, code: string, message: string): void => {
    problems.push(rowRejection(index, sourceKey === '' ? null : sourceKey, field, code, message));
  };
  const texts = new Map<string, string>();
  for (const { field, header, max } of TEXTS) {
    const value = String(row[field] ?? '').trim();
    if (value === '') reject(field, 'REQUIRED', `${header}不能为空`);
    else if (characters(value) > max) reject(field, 'TOO_LONG', `${header}最长 ${max} 字`);
    else if (value.includes('\u0000')) reject(field, 'INVALID', `${header}含有 NUL 字符`);
    texts.set(field, value);
  }
  const code = checkUscc(row.uscc);
  // Upper-level lists carry registered codes: unlike a district look-up, a checksum failure is not taken.
  if (code.problem !== null) reject('uscc', 'INVALID_USCC', code.reason ?? '统一社会信用代码无效');
  const decidedOn = parseCalendarDate(row.decidedOn);
  if (decidedOn === null) reject('decidedOn', 'NOT_A_DATE', `认定日期应为 YYYY-MM-DD 的日期，而不是“${row.decidedOn}”`);
  else if (decidedOn > today) reject('decidedOn', 'FUTURE_DATE', `认定日期 ${decidedOn} 晚于今天 (${today})`);
  const validUntil = row.validUntil == null || row.validUntil === '' ? null : parseCalendarDate(row.validUntil);
  if (row.validUntil != null && row.validUntil !== '' && validUntil === null)
    reject('validUntil', 'NOT_A_DATE', `有效期至应为 YYYY-MM-DD 的日期，而不是“${row.validUntil}”`);
  else if (validUntil !== null && decidedOn !== null && validUntil < decidedOn)
    reject('validUntil', 'BEFORE_DECISION', `有效期至 ${validUntil} 早于认定日期 ${decidedOn}`);
  if (problems.length > 0) return problems;
  return {
    index,
    sourceKey,
    uscc: code.normalized,
    name: texts.get('name')!,
    decidedOn: decidedOn!,
    documentNumber: texts.get('documentNumber')!,
    authority: texts.get('authority')!,
    reason: texts.get('reason')!,
    validUntil,
    removed: row.removed === true,
  };
}

/**
 * Every row checked before anything is written: each problem of each row, by index and field; a
 * source key named twice is refused at its later rows (which entry would win is not ours to guess).
 */
export function checkUpperListRows(
  rows: readonly UpperListRow[],
  today: string,
): { rows: CheckedRow[]; rejections: RowRejection[] } {
  const checked: CheckedRow[] = [];
  const rejections: RowRejection[] = [];
  const firstIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    const result = checkRow(row, index, today);
    if (Array.isArray(result)) {
      rejections.push(...result);
      return;
    }
    const first = firstIndex.get(result.sourceKey);
    if (first !== undefined) {
      rejections.push(
        rowRejection(
          index,
          result.sourceKey,
          'sourceKey',
          'DUPLICATE',
          `来源编号 ${result.sourceKey} 已见于 index ${first}`,
        ),
      );
      return;
    }
    firstIndex.set(result.sourceKey, index);
    checked.push(result);
  });
  return { rows: checked, rejections };
}

/** An entry of the source and kind as stored (list_entry where source_platform and list_kind match). */
export interface ImportedEntry {
  id: string;
  sourceKey: string;
  subjectUscc: string;
  subjectName: string;
  decidedAt: string;
  decisionNo: string;
  designatingAuthority: string;
  reason: string;
  validUntil: string | null;
  status: ListEntryStatus;
}

/** What an import does: rows to insert, entries to set to a row (changed, or back after a removal), entries to remove. */
export interface UpperListDiff {
  added: CheckedRow[];
  /** Entries the source removed once and lists again: the same entry comes back (counted as added). */
  reinstated: { row: CheckedRow; entry: ImportedEntry }[];
  changed: { row: CheckedRow; entry: ImportedEntry }[];
  removed: ImportedEntry[];
  unchanged: number;
  /** Rows of subjects the district's subject register does not hold: not kept (section 5 of the rules). */
  skipped: CheckedRow[];
}

function sameFacts(row: CheckedRow, entry: ImportedEntry): boolean {
  return (
    row.uscc === entry.subjectUscc &&
    row.name === entry.subjectName &&
    row.decidedOn === entry.decidedAt &&
    row.documentNumber === entry.decisionNo &&
    row.authority === entry.designatingAuthority &&
    row.reason === entry.reason &&
    row.validUntil === entry.validUntil
  );
}

/**
 * The import's effect, keyed by (source, kind, sourceKey): a new key is added; a key whose entry was
 * removed comes back; a listed key with other facts is changed, with the same facts unchanged; a row
 * marked removed removes its entry; in a SNAPSHOT every entry the file does not list is removed. A row
 * of a subject not in the register is skipped, and an entry it had (another code under the same key)
 * is removed: the source no longer lists that subject under it.
 */
export function diffUpperList(
  current: readonly ImportedEntry[],
  rows: readonly CheckedRow[],
  mode: UpperListMode,
  known: (uscc: string) => boolean,
): UpperListDiff {
  const byKey = new Map(current.map((entry) => [entry.sourceKey, entry]));
  const diff: UpperListDiff = { added: [], reinstated: [], changed: [], removed: [], unchanged: 0, skipped: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.sourceKey);
    const entry = byKey.get(row.sourceKey);
    const active = entry !== undefined && entry.status !== ListEntryStatus.REMOVED;
    if (row.removed) {
      if (active) diff.removed.push(entry);
      else diff.unchanged += 1;
      continue;
    }
    if (!known(row.uscc)) {
      diff.skipped.push(row);
      if (active) diff.removed.push(entry);
      continue;
    }
    if (entry === undefined) diff.added.push(row);
    else if (!active) diff.reinstated.push({ row, entry });
    else if (sameFacts(row, entry)) diff.unchanged += 1;
    else diff.changed.push({ row, entry });
  }
  if (mode === UpperListMode.SNAPSHOT)
    for (const entry of current)
      if (!seen.has(entry.sourceKey) && entry.status !== ListEntryStatus.REMOVED) diff.removed.push(entry);
  return diff;
}
