import { randomUUID } from 'node:crypto';
import { lockForTransaction } from '../../../shared/db/advisory-lock';
import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { CreditList, ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { textArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { MAX_UPPER_LIST_ENTRIES, UPPER_LIST_SOURCE_PLATFORM_LENGTH } from '../../../shared/graphql/input-limits';
import { forget } from '../../../shared/workflow/forget';
import { SCHEMA, UPPER_LIST_RECORDER } from '../config';
import { ListEntry } from '../entities/list-entry';
import type { ListKind } from '../entities/list-kind';
import { UpperListImportStatus } from '../entities/upper-list-import';
import type { ImportUpperLevelListInput } from '../inputs/upper-list.input';
import type { SanctionsContext } from '../loaders';
import {
  CheckedRow,
  checkUpperListRows,
  diffUpperList,
  ImportedEntry,
  importRefusal,
  RowRejection,
  SOURCE_REMOVED,
  UpperListDiff,
  UpperListMode,
} from '../rules/upper-list';
import type { UpperListImportResult } from '../types/upper-list-result';
import { announceEntries } from './announce';

/** A platform's code: lower-case letters, digits and . _ - (credit-china, jiangsu-province). */
const PLATFORM_CODE = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${UPPER_LIST_SOURCE_PLATFORM_LENGTH - 1}}$`);

interface Counts {
  received: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: number;
  rejected: number;
}

interface ImportRun {
  id: string;
  source: string;
  kind: ListKind;
  mode: UpperListMode;
  today: string;
  sub: string;
  org: string | null;
}

/** The source platform, the kind (an upper-level joint-punishment list) and the size, or BAD_USER_INPUT naming the field. */
async function checkedTarget(
  ctx: SanctionsContext,
  input: ImportUpperLevelListInput,
): Promise<{ source: string; kind: ListKind }> {
  const source = input.sourcePlatform.trim();
  if (!PLATFORM_CODE.test(source))
    throw badUserInput(
      'input.sourcePlatform',
      `'input.sourcePlatform' must be a platform code (lower-case letters, digits, . _ -, at most ${UPPER_LIST_SOURCE_PLATFORM_LENGTH}), e.g. credit-china`,
    );
  const code = textArgument('input.listKind', input.listKind, 48);
  const kind = await ctx.loaders.kindByCode.load(code);
  if (!kind) throw badUserInput('input.listKind', `no list kind ${code}: see listKinds`);
  const refusal = importRefusal(kind);
  if (refusal !== null) throw badUserInput('input.listKind', refusal);
  if (input.entries.length === 0)
    throw badUserInput(
      'input.entries',
      'no entries: a source that empties its list sends its removals (CHANGES, removed: true)',
    );
  if (input.entries.length > MAX_UPPER_LIST_ENTRIES)
    throw badUserInput(
      'input.entries',
      `at most ${MAX_UPPER_LIST_ENTRIES} entries per import (got ${input.entries.length})`,
    );
  return { source, kind };
}

/** The entries of the source and kind, removed ones included (a key listed again brings its entry back). */
function currentEntries(em: EntityManager, source: string, kind: string): Promise<ImportedEntry[]> {
  return boundQuery<ImportedEntry>(
    em,
    `select id, source_key as "sourceKey", subject_uscc as "subjectUscc", subject_name as "subjectName",
            to_char(decided_at, 'YYYY-MM-DD') as "decidedAt", decision_no as "decisionNo",
            designating_authority as "designatingAuthority", reason,
            to_char(valid_until, 'YYYY-MM-DD') as "validUntil", status
       from ${SCHEMA}.list_entry where source_platform = ? and list_kind = ?`,
    [source, kind],
  );
}

/** The register's subject of each code the rows name (sanctions' index of subjects). */
async function subjectsOf(em: EntityManager, rows: readonly CheckedRow[]): Promise<Map<string, string>> {
  const codes = [...new Set(rows.filter((row) => !row.removed).map((row) => row.uscc))];
  if (codes.length === 0) return new Map();
  const found = await boundQuery<{ id: string; uscc: string }>(
    em,
    `select id, uscc from ${SCHEMA}.subject_index where uscc = any(?::text[])`,
    [codes],
  );
  return new Map(found.map((s) => [s.uscc, s.id]));
}

/** A row as the JSON the set-based statements unpack. */
function rowJson(row: CheckedRow, id: string, subjectId: string) {
  return {
    id,
    subject_id: subjectId,
    uscc: row.uscc,
    name: row.name,
    reason: row.reason,
    document_number: row.documentNumber,
    decided_on: row.decidedOn,
    valid_until: row.validUntil,
    authority: row.authority,
    source_key: row.sourceKey,
  };
}

const ROW_COLUMNS = `r(id uuid, subject_id uuid, uscc text, name text, reason text, document_number text, decided_on date, valid_until date, authority text, source_key text)`;

interface Step {
  entryId: string;
  action: ListAction;
  from: ListEntryStatus | null;
  to: ListEntryStatus;
  note: string;
}

/**
 * The diff written, one statement per kind of change whatever the number of rows: new entries
 * (PUBLISHED at once: the district does not decide them), entries set to their row (changed, or back
 * after a removal), entries removed as SOURCE_REMOVED; a black entry added takes its subject off the
 * red list (as publishEntry does); then the history of every step. Returns the ids touched.
 */
async function writeDiff(
  em: EntityManager,
  run: ImportRun,
  diff: UpperListDiff,
  subjectOf: Map<string, string>,
): Promise<string[]> {
  const steps: Step[] = [];
  const note = `上级下发 (${run.source}, 导入 ${run.id})`;
  const added = diff.added.map((row) => rowJson(row, randomUUID(), subjectOf.get(row.uscc)!));
  if (added.length > 0) {
    await boundQuery(
      em,
      `insert into ${SCHEMA}.list_entry (id, subject_id, subject_uscc, subject_name, list, status, reason, basis, decision_no,
              decided_by_code, decided_at, valid_from, valid_until, list_kind, designating_authority_kind, designating_authority,
              kind_announced, reported_at, removal_reason, source_platform, source_key)
       select r.id, r.subject_id, r.uscc, r.name, ?, 'PUBLISHED', r.reason, ?, r.document_number,
              ?, r.decided_on, r.decided_on, r.valid_until, ?, ?, r.authority,
              true, now(), null, ?, r.source_key
         from jsonb_to_recordset(?::jsonb) as ${ROW_COLUMNS} order by r.id`,
      [
        run.kind.list,
        run.kind.source,
        UPPER_LIST_RECORDER,
        run.kind.code,
        run.kind.authorityKind,
        run.source,
        JSON.stringify(added),
      ],
    );
    for (const row of added)
      steps.push({ entryId: row.id, action: ListAction.PUBLISH, from: null, to: ListEntryStatus.PUBLISHED, note });
  }
  const set = [
    ...diff.reinstated.map(({ row, entry }) => ({
      json: rowJson(row, entry.id, subjectOf.get(row.uscc)!),
      from: entry.status,
    })),
    ...diff.changed.map(({ row, entry }) => ({
      json: rowJson(row, entry.id, subjectOf.get(row.uscc)!),
      from: entry.status,
    })),
  ];
  if (set.length > 0) {
    await boundQuery(
      em,
      `update ${SCHEMA}.list_entry e
          set subject_id = r.subject_id, subject_uscc = r.uscc, subject_name = r.name, reason = r.reason,
              decision_no = r.document_number, decided_at = r.decided_on, valid_from = r.decided_on,
              valid_until = r.valid_until, designating_authority = r.authority, status = 'PUBLISHED', removal_reason = null
         from jsonb_to_recordset(?::jsonb) as ${ROW_COLUMNS} where e.id = r.id`,
      [JSON.stringify(set.map((s) => s.json))],
    );
    for (const { json, from } of set)
      steps.push({
        entryId: json.id,
        action: ListAction.PUBLISH,
        from,
        to: ListEntryStatus.PUBLISHED,
        note: from === ListEntryStatus.REMOVED ? `${note}: 再次下发` : `${note}: 来源变更`,
      });
  }
  if (diff.removed.length > 0) {
    await boundQuery(
      em,
      `update ${SCHEMA}.list_entry set status = 'REMOVED', removal_reason = ? where id = any(?::uuid[])`,
      [SOURCE_REMOVED, diff.removed.map((entry) => entry.id)],
    );
    for (const entry of diff.removed)
      steps.push({
        entryId: entry.id,
        action: ListAction.REVOKE,
        from: entry.status,
        to: ListEntryStatus.REMOVED,
        note: `${note}: ${SOURCE_REMOVED}`,
      });
  }
  steps.push(...(await offTheRedList(em, run, diff, subjectOf)));
  if (steps.length > 0)
    await boundQuery(
      em,
      `insert into ${SCHEMA}.list_entry_event (id, entry_id, occurred_at, action, from_status, to_status, actor_sub, actor_org, note)
       select r.id, r.entry_id, now(), r.action, r.from_status, r.to_status, ?, ?, r.note
         from jsonb_to_recordset(?::jsonb) as r(id uuid, entry_id uuid, action text, from_status text, to_status text, note text)`,
      [
        run.sub,
        run.org,
        JSON.stringify(
          steps.map((s) => ({
            id: randomUUID(),
            entry_id: s.entryId,
            action: s.action,
            from_status: s.from,
            to_status: s.to,
            note: s.note,
          })),
        ),
      ],
    );
  return [...new Set(steps.map((s) => s.entryId))];
}

/**
 * 列入严重失信主体名单 takes a subject off the red list (publishEntry's rule, rules in
 * docs/rules/authority-and-lists.md): the red entries in force of the subjects a black entry is added
 * or brought back for are removed, their subjects locked first (in order) as publications lock them.
 */
async function offTheRedList(
  em: EntityManager,
  run: ImportRun,
  diff: UpperListDiff,
  subjectOf: Map<string, string>,
): Promise<Step[]> {
  if (run.kind.list !== CreditList.BLACK) return [];
  const subjects = [
    ...new Set([...diff.added, ...diff.reinstated.map((r) => r.row)].map((row) => subjectOf.get(row.uscc)!)),
  ].sort();
  if (subjects.length === 0) return [];
  await boundQuery(em, `select pg_advisory_xact_lock(hashtext(s)) from unnest(?::text[]) as s order by s`, [subjects]);
  const reason = `列入严重失信主体名单 (${run.kind.name}, 上级下发 ${run.source})，移出红名单`;
  const removed = await boundQuery<{ id: string }>(
    em,
    `update ${SCHEMA}.list_entry set status = 'REMOVED', removal_reason = ?
      where subject_id = any(?::uuid[]) and list = 'RED' and status = 'PUBLISHED'
        and (valid_from is null or valid_from <= ?) and (valid_until is null or valid_until >= ?)
      returning id`,
    [reason, subjects, run.today, run.today],
  );
  return removed.map((r) => ({
    entryId: r.id,
    action: ListAction.REVOKE,
    from: ListEntryStatus.PUBLISHED,
    to: ListEntryStatus.REMOVED,
    note: reason,
  }));
}

async function recordImport(
  em: EntityManager,
  run: ImportRun,
  status: UpperListImportStatus,
  counts: Counts,
): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.upper_list_import (id, imported_at, imported_by_sub, imported_by_org, source_platform, list_kind, mode, status,
            received, added, changed, removed, unchanged, skipped, rejected)
     values (?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      run.id,
      run.sub,
      run.org,
      run.source,
      run.kind.code,
      run.mode,
      status,
      counts.received,
      counts.added,
      counts.changed,
      counts.removed,
      counts.unchanged,
      counts.skipped,
      counts.rejected,
    ],
  );
}

function rejectionsOut(rejections: readonly RowRejection[]) {
  return rejections.map((r) => ({ ...r, argument: `input.entries[${r.index}].${r.field}` }));
}

/**
 * 导入国家、省下发的联合惩戒对象名单 (§16), in one transaction: every row checked first (any rejected
 * row: nothing is written but the import's record, REJECTED, with each row's index and field); then,
 * under a lock on the source and kind, the rows are compared with the entries stored for them
 * (rules/upper-list.ts) and the difference written set-based, announced (list-entry.changed) in the
 * same transaction, and recorded (upper_list_import). Importing the same list again changes nothing.
 */
export async function importUpperLevelList(
  ctx: SanctionsContext,
  input: ImportUpperLevelListInput,
): Promise<UpperListImportResult> {
  const { source, kind } = await checkedTarget(ctx, input);
  const run: ImportRun = {
    id: randomUUID(),
    source,
    kind,
    mode: input.mode,
    today: ctx.loaders.today,
    sub: ctx.principal.sub,
    org: ctx.principal.org,
  };
  const checked = checkUpperListRows(input.entries, run.today);
  const zero = { added: 0, changed: 0, removed: 0, unchanged: 0, skipped: 0 };
  return ctx.em
    .transactional(async (em): Promise<UpperListImportResult> => {
      if (checked.rejections.length > 0) {
        const rejected = new Set(checked.rejections.map((r) => r.index)).size;
        await recordImport(em, run, UpperListImportStatus.REJECTED, {
          received: input.entries.length,
          ...zero,
          rejected,
        });
        return {
          importId: run.id,
          status: UpperListImportStatus.REJECTED,
          ...zero,
          rejected: rejectionsOut(checked.rejections),
        };
      }
      await lockForTransaction(em, `upper-list:${source}:${kind.code}`);
      const current = await currentEntries(em, source, kind.code);
      const subjectOf = await subjectsOf(em, checked.rows);
      const diff = diffUpperList(current, checked.rows, run.mode, (uscc) => subjectOf.has(uscc));
      const counts = {
        added: diff.added.length + diff.reinstated.length,
        changed: diff.changed.length,
        removed: diff.removed.length,
        unchanged: diff.unchanged,
        skipped: diff.skipped.length,
      };
      const touched = await writeDiff(em, run, diff, subjectOf);
      await recordImport(em, run, UpperListImportStatus.APPLIED, {
        received: input.entries.length,
        ...counts,
        rejected: 0,
      });
      if (touched.length > 0) await announceEntries(em, await em.find(ListEntry, { id: { $in: touched } }));
      return { importId: run.id, status: UpperListImportStatus.APPLIED, ...counts, rejected: [] };
    })
    .finally(() => forget(ctx.loaders));
}
