import { SCOPES } from '../../shared/auth/policy';
import { MAX_UPPER_LIST_ENTRIES } from '../../shared/graphql/input-limits';
import { parseCalendarDate } from '../../shared/graphql/scalars';
import { templateColumnOf } from '../files/columns';
import { badInput } from '../files/errors';
import type { ReportInput } from '../files/records';
import { UPPER_LIST_FIELDS } from '../files/upper-list-fields';
import type { RejectedRow, RowReason } from './answer-stream';
import type { AppliedBatch, FileKind, UploadQuery } from './file-kind';
import { BatchFailed } from './report-mutation';

const PLATFORM_CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const KIND_CODE = /^[A-Z0-9_]{1,48}$/;
const MODES = ['SNAPSHOT', 'CHANGES'] as const;
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0']);

/** The most text one upper-level list may carry (its one call stays under the gateway's BODY_LIMIT). */
export const UPPER_LIST_MAX_BYTES = 7_000_000;

export const UPPER_LIST_IMPORT = `mutation IngestUpperLevelList($input: ImportUpperLevelListInput!) {
  importUpperLevelList(input: $input) {
    importId status added changed removed unchanged skipped
    rejected { index sourceKey field code message }
  }
}`;

/** UpperListEntryInput. */
export interface UpperListEntry {
  sourceKey: string;
  uscc: string;
  name: string;
  decidedOn: string;
  documentNumber: string;
  authority: string;
  reason: string;
  validUntil?: string;
  removed?: boolean;
}

interface ImportResult {
  importId: string;
  status: 'APPLIED' | 'REJECTED';
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: number;
  rejected: { index: number; sourceKey: string | null; field: string; code: string; message: string }[];
}

/** A rejected entry: its source key beside it. */
export interface UpperListRowRejection extends RejectedRow {
  sourceKey: string | null;
}

function reason(field: string, code: string, message: string): RowReason {
  return { field, column: templateColumnOf(UPPER_LIST_FIELDS, field), code, message };
}

/**
 * A record as the mutation's entry, or why it cannot be one: what GraphQL itself would refuse (a
 * missing value, a date that is no date, a text over its limit) would refuse the operation without
 * naming the row, so it is found here; the rest is the mutation's to judge.
 */
export function upperListEntry(record: ReportInput): UpperListEntry | RowReason[] {
  const reasons: RowReason[] = [];
  const text = (field: string): string | undefined => {
    const value = record[field];
    return typeof value === 'string' ? value : undefined;
  };
  for (const f of UPPER_LIST_FIELDS) {
    const value = text(f.field);
    if (value === undefined && f.required) reasons.push(reason(f.field, 'REQUIRED', `${f.header}不能为空`));
    else if (value !== undefined && [...value].length > f.maxLength)
      reasons.push(reason(f.field, 'TOO_LONG', `${f.header}最长 ${f.maxLength} 字`));
  }
  for (const field of ['decidedOn', 'validUntil']) {
    const value = text(field);
    if (value !== undefined && value.length <= 10 && parseCalendarDate(value) === null)
      reasons.push(reason(field, 'NOT_A_DATE', `应为 YYYY-MM-DD 的日期，而不是“${value}”`));
  }
  const removedText = text('removed')?.normalize('NFKC').toUpperCase();
  if (removedText !== undefined && !YES.has(removedText) && !NO.has(removedText))
    reasons.push(reason('removed', 'NOT_YES_OR_NO', `已移出应填“是”或“否”，而不是“${text('removed')}”`));
  if (reasons.length > 0) return reasons;
  const entry: UpperListEntry = {
    sourceKey: text('sourceKey')!,
    uscc: text('uscc')!,
    name: text('name')!,
    decidedOn: text('decidedOn')!,
    documentNumber: text('documentNumber')!,
    authority: text('authority')!,
    reason: text('reason')!,
  };
  const validUntil = text('validUntil');
  if (validUntil !== undefined) entry.validUntil = validUntil;
  if (removedText !== undefined) entry.removed = YES.has(removedText);
  return entry;
}

interface Target {
  sourcePlatform: string;
  listKind: string;
  mode: (typeof MODES)[number];
}

function targetOf(query: UploadQuery): Target {
  const { source, kind, mode } = query;
  if (typeof source !== 'string' || !PLATFORM_CODE.test(source))
    throw badInput('an upper-level list needs ?source=<platform code>, e.g. credit-china, jiangsu-province', {
      parameter: 'source',
    });
  if (typeof kind !== 'string' || !KIND_CODE.test(kind))
    throw badInput('an upper-level list needs ?kind=<list kind code> (listKinds), e.g. COURT_DEFAULTER', {
      parameter: 'kind',
    });
  if (typeof mode !== 'string' || !(MODES as readonly string[]).includes(mode))
    throw badInput(`an upper-level list needs ?mode=${MODES.join('|')}`, { parameter: 'mode' });
  return { sourcePlatform: source, listKind: kind, mode: mode as Target['mode'] };
}

/**
 * `POST /ingest/upper-level-lists?source=<platform>&kind=<list kind>&mode=SNAPSHOT|CHANGES`: one
 * source's list of one kind, sent whole to importUpperLevelList as the caller (lists:import: a
 * platform's service token or the credit office). A SNAPSHOT removes what it leaves out, so the file is
 * never split: at most 10,000 rows, one call, one transaction; a rejected row (here or by the mutation)
 * means nothing is imported, and the answer lists every rejected row.
 */
export const UPPER_LEVEL_LISTS_KIND: FileKind = {
  name: 'upper-level-lists',
  fields: UPPER_LIST_FIELDS,
  scope: SCOPES.listsImport,
  counts: ['received', 'added', 'changed', 'removed', 'unchanged', 'skipped', 'rejected'],
  outcomes: ['added', 'changed', 'removed', 'unchanged', 'skipped', 'rejected'],
  wholeFile: { rows: MAX_UPPER_LIST_ENTRIES, bytes: UPPER_LIST_MAX_BYTES },
  withoutOrg: true,
  applier(query) {
    const target = targetOf(query);
    return async (send, batch, caller): Promise<AppliedBatch> => {
      const rejections: UpperListRowRejection[] = [];
      const sent: { rowNumber: number; entry: UpperListEntry }[] = [];
      for (const record of batch) {
        const entry = upperListEntry(record);
        const sourceKey = typeof record.sourceKey === 'string' ? record.sourceKey : null;
        if (Array.isArray(entry)) rejections.push({ rowNumber: record.rowNumber, sourceKey, reasons: entry });
        else sent.push({ rowNumber: record.rowNumber, entry });
      }
      const none = { received: batch.length, added: 0, changed: 0, removed: 0, unchanged: 0, skipped: 0 };
      // Every row is checked before anything is written: a file with a bad row imports nothing.
      if (rejections.length > 0) return { counts: { ...none, rejected: rejections.length }, rejections };
      const { data, errors } = await send(
        UPPER_LIST_IMPORT,
        { input: { ...target, entries: sent.map((s) => s.entry) } },
        caller,
      );
      const result = data?.importUpperLevelList as ImportResult | null | undefined;
      if (errors.length > 0 || !result) throw new BatchFailed(errors);
      const byIndex = new Map<number, UpperListRowRejection>();
      for (const r of result.rejected) {
        const why = reason(r.field, r.code, r.message);
        const known = byIndex.get(r.index);
        if (known) known.reasons.push(why);
        else
          byIndex.set(r.index, { rowNumber: sent[r.index]?.rowNumber ?? null, sourceKey: r.sourceKey, reasons: [why] });
      }
      return {
        counts: {
          received: batch.length,
          added: result.added,
          changed: result.changed,
          removed: result.removed,
          unchanged: result.unchanged,
          skipped: result.skipped,
          rejected: byIndex.size,
        },
        rejections: [...byIndex.values()],
        batch: { importId: result.importId, status: result.status },
      };
    };
  },
};
