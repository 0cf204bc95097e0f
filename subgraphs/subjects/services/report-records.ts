import { randomUUID } from 'node:crypto';
import type { EntityManager } from '../../../shared/db/orm';
import { SubmissionChannel } from '../../../shared/domain/submission-channel';
import { LicenseStatus, RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import type { ActionFacts, LicenseFacts, PenaltyFacts } from '../../../shared/events/catalogue';
import { badUserInput } from '../../../shared/graphql/errors';
import { DOCUMENT_FIELD, MAX_RECORDS_PER_CALL, ReportKind } from '../../../shared/reporting/fields';
import type { ReportInput } from '../inputs/report-input';
import type { SubjectsContext } from '../loaders';
import {
  findReported,
  RecordToWrite,
  ReportedRow,
  stampLicenseStatus,
  upsertRecords,
  WrittenRow,
} from '../repositories/records';
import { SubmissionRow, upsertSubmissions } from '../repositories/submissions';
import { PenaltyPublicity, penaltyPublicity, severityOf } from '../rules/penalty-publicity';
import {
  Accepted,
  IndexedReport,
  keyText,
  lastOfEachKey,
  payloadDigest,
  payloadOf,
  rejectEarlierDuplicates,
  Rejected,
} from '../rules/report-batch';
import { problem } from '../rules/report-problems';
import { checkReport, partyKey } from '../rules/report-validation';
import { mayUpdateReported } from '../rules/reporting-authority';
import { reportingDeadline } from '../rules/reporting-deadline';
import type { RecordRejection, ReportResult } from '../types/report-result';
import { actionFacts, announceActions } from './action-facts';
import { reportableAuthorities, requireDirectoryOrg } from './directory';
import { announceRecords } from './exchange-records';
import { announceLicenses, licenseFacts } from './license-facts';
import { announcePenalties, penaltyFacts } from './penalty-facts';
import { readReportDirectory, ReportDirectory } from './report-directory';
import { resolveParties } from './report-parties';

const RECORD_KIND: Record<ReportKind, RecordKind> = {
  licenses: RecordKind.LICENSE,
  penalties: RecordKind.PENALTY,
  actions: RecordKind.ACTION,
};

/** One call of one department: what every step of the write reads. */
interface ReportCall {
  kind: ReportKind;
  org: string;
  inputs: ReportInput[];
  directory: ReportDirectory;
  /** One instant for the call: reportedAt, submittedAt and acceptedAt. */
  now: string;
}

/** A record to write with, for a penalty, its publicity (told to repairs once written). */
interface Prepared {
  row: RecordToWrite;
  penalty: PenaltyPublicity | null;
}

/** Checks every record on its own against the directory; the last record of a natural key wins. */
async function checkCall(
  ctx: SubjectsContext,
  kind: ReportKind,
  inputs: ReportInput[],
): Promise<{ call: ReportCall; checked: IndexedReport[] }> {
  if (inputs.length === 0) throw badUserInput('records', "'records' is empty");
  if (inputs.length > MAX_RECORDS_PER_CALL)
    throw badUserInput('records', `at most ${MAX_RECORDS_PER_CALL} records per call (got ${inputs.length})`);
  // The reporting department (数据来源单位) is always the caller: a record has no field to name another.
  const { code: org } = await requireDirectoryOrg(ctx.em, ctx.principal, '报送');
  const today = ctx.today;
  const [directory, reportableFor] = await Promise.all([
    readReportDirectory(ctx.em, RECORD_KIND[kind]),
    reportableAuthorities(ctx.em, org, today),
  ]);
  const reporter = [...directory.authorities.values()].find((authority) => authority.code === org) ?? null;
  const context = { today, authorities: directory.authorities, reportableFor, reporter };
  const checked: IndexedReport[] = inputs.map((input, index) => ({ ...checkReport(kind, input, context), index }));
  rejectEarlierDuplicates(kind, checked, inputs);
  return { call: { kind, org, inputs, directory, now: new Date().toISOString() }, checked };
}

/** A delegate does not change what the authority or another delegate reported: such a record is rejected. */
function rejectReportedByOthers(call: ReportCall, checked: IndexedReport[], existing: ReportedRow[]): void {
  const owners = new Map(existing.map((row) => [`${row.authority_code}|${row.document_no}`, row.data_source_code]));
  for (const [i, report] of checked.entries()) {
    if (!report.ok) continue;
    const owner = owners.get(keyText(report.key));
    if (
      owner === undefined ||
      mayUpdateReported(call.org, { authorityCode: report.key.authorityCode, dataSourceCode: owner })
    )
      continue;
    const refusal = problem(
      DOCUMENT_FIELD[call.kind],
      'REPORTED_BY_OTHER',
      `该机关文书号已由部门 ${owner} 报送，只能由其或该机关更新`,
    );
    checked[i] = {
      ok: false,
      index: report.index,
      key: report.key,
      documentNo: report.key.documentNo,
      decidedAt: report.decidedAt,
      problems: [refusal],
    };
  }
}

function prepare(call: ReportCall, report: Accepted, subjectIds: Map<string, string>): Prepared {
  const subjectId = subjectIds.get(partyKey(report.party));
  if (subjectId === undefined) throw new Error(`no subject resolved for record ${report.index}`);
  const { directory } = call;
  const penalty =
    call.kind === 'penalties'
      ? penaltyPublicity(
          directory.publicityRules,
          directory.domains.get(report.key.authorityCode),
          report.values,
          report.decidedAt,
        )
      : null;
  const row: RecordToWrite = {
    ...report.values,
    ...penalty,
    id: randomUUID(),
    subjectId,
    documentNo: report.key.documentNo,
    decidedAt: report.decidedAt,
    authorityCode: report.key.authorityCode,
    dataSourceCode: call.org,
    reportedAt: call.now,
  };
  return { row, penalty };
}

/** The facts of the penalties written, by the id each row has now (an update keeps the record's id). */
function writtenPenalties(prepared: Prepared[], written: WrittenRow[]): PenaltyFacts[] {
  const byKey = new Map(prepared.map((p) => [`${p.row.authorityCode}|${p.row.documentNo}`, p]));
  return written.map((row) => {
    const record = byKey.get(`${row.authority_code}|${row.document_no}`);
    if (!record?.penalty) throw new Error(`penalty ${row.id} was written but not sent`);
    const source = {
      ...record.row,
      ...record.penalty,
      severity: severityOf(record.row),
      id: row.id,
      authorityCode: row.authority_code,
    };
    return penaltyFacts(source, row.revoked === true);
  });
}

/** The facts of the actions written (created or changed), by the id each row has now; one withdrawn stays so. */
function writtenActions(prepared: Prepared[], written: WrittenRow[]): ActionFacts[] {
  const byKey = new Map(prepared.map((p) => [`${p.row.authorityCode}|${p.row.documentNo}`, p.row]));
  return written.map((row) => {
    const record = byKey.get(`${row.authority_code}|${row.document_no}`);
    if (!record) throw new Error(`action ${row.id} was written but not sent`);
    const { subjectId, dataSourceCode } = record;
    return actionFacts({ id: row.id, subjectId, dataSourceCode, withdrawn: row.withdrawn === true });
  });
}

/** The facts of the licences written (created or changed), by the id each row has now. */
function writtenLicenses(prepared: Prepared[], written: WrittenRow[]): LicenseFacts[] {
  const byKey = new Map(prepared.map((p) => [`${p.row.authorityCode}|${p.row.documentNo}`, p.row]));
  return written.map((row) => {
    const record = byKey.get(`${row.authority_code}|${row.document_no}`);
    if (!record) throw new Error(`licence ${row.id} was written but not sent`);
    const { validUntil, status } = record;
    return licenseFacts({
      id: row.id,
      subjectId: record.subjectId,
      dataSourceCode: record.dataSourceCode,
      decidedAt: record.decidedAt,
      validUntil: typeof validUntil === 'string' ? validUntil : null,
      status: status === LicenseStatus.INVALID ? LicenseStatus.INVALID : LicenseStatus.VALID,
    });
  });
}

/** Every record sent leaves a submission row with its deadline, and its reasons when rejected. */
function submissionRows(
  call: ReportCall,
  accepted: Accepted[],
  rejected: Rejected[],
  recordIds: Map<string, string>,
): SubmissionRow[] {
  const { directory, inputs } = call;
  const deadline = (decidedAt: string | null) => {
    const due = decidedAt === null ? null : reportingDeadline(directory.rule, decidedAt, directory.calendar);
    return { due_on: due?.date ?? null, due_on_provisional: due?.provisional ?? false };
  };
  return lastOfEachKey<SubmissionRow & { index: number }>([
    ...accepted.map((report) => ({
      index: report.index,
      key: keyText(report.key),
      document_no: report.key.documentNo,
      record_id: recordIds.get(keyText(report.key)) ?? null,
      decided_at: report.decidedAt,
      ...deadline(report.decidedAt),
      accepted_at: call.now,
      outcome: SubmissionOutcome.ACCEPTED,
      reasons: null,
      payload: null,
      row_number: inputs[report.index].rowNumber ?? null,
    })),
    ...rejected.map((report) => ({
      index: report.index,
      key: report.key ? keyText(report.key) : payloadDigest(inputs[report.index]),
      document_no: report.documentNo,
      record_id: null,
      decided_at: report.decidedAt,
      ...deadline(report.decidedAt),
      accepted_at: null,
      outcome: SubmissionOutcome.REJECTED,
      reasons: report.problems,
      payload: payloadOf(inputs[report.index]),
      row_number: inputs[report.index].rowNumber ?? null,
    })),
  ]);
}

/** Writes the accepted records (their subjects first); returns the record id of every natural key of the call. */
async function writeRecords(
  em: EntityManager,
  call: ReportCall,
  accepted: Accepted[],
  existing: ReportedRow[],
): Promise<{ written: WrittenRow[]; recordIds: Map<string, string> }> {
  const subjectIds = accepted.length > 0 ? await resolveParties(em, accepted) : new Map<string, string>();
  const prepared = accepted.map((report) => prepare(call, report, subjectIds));
  const written = await upsertRecords(
    em,
    call.kind,
    prepared.map((p) => p.row),
  );
  if (call.kind === 'penalties') await announcePenalties(em, writtenPenalties(prepared, written));
  if (call.kind === 'licenses') await announceLicenses(em, writtenLicenses(prepared, written));
  if (call.kind === 'actions') await announceActions(em, writtenActions(prepared, written));
  if (call.kind === 'licenses' && written.length > 0)
    await stampLicenseStatus(
      em,
      written.map((row) => row.id),
      call.org,
    );
  // The exchange gets each record written (created or changed) in full, its licence stamp included.
  if (call.kind !== 'actions')
    await announceRecords(
      em,
      call.kind === 'penalties' ? 'PENALTY' : 'LICENSE',
      written.map((row) => row.id),
    );
  const recordIds = new Map(existing.map((row) => [`${row.authority_code}|${row.document_no}`, row.id]));
  for (const row of written) recordIds.set(`${row.authority_code}|${row.document_no}`, row.id);
  return { written, recordIds };
}

function resultOf(call: ReportCall, accepted: Accepted[], rejected: Rejected[], written: WrittenRow[]): ReportResult {
  const created = written.filter((row) => row.inserted).length;
  const updated = written.length - created;
  const rejections: RecordRejection[] = [...rejected]
    .sort((a, b) => a.index - b.index)
    .map((report) => ({
      index: report.index,
      rowNumber: call.inputs[report.index].rowNumber ?? null,
      documentNo: report.documentNo,
      reasons: report.problems,
    }));
  return {
    received: call.inputs.length,
    accepted: accepted.length,
    rejected: rejected.length,
    created,
    updated,
    unchanged: accepted.length - created - updated,
    rejections,
  };
}

/**
 * Concurrent calls may touch the same subjects and keys: every statement writes
 * its rows in key order, so two transactions always take their locks in the same
 * order and never deadlock.
 *
 * Takes one call's records (≤ 5,000) in one transaction: each record checked on
 * its own; valid ones upserted on their natural key (authority + document
 * number), so a resubmission updates and never duplicates; every record, valid
 * or not, leaves a submission row with its reasons, so nothing sent is lost.
 * Sending the same records again changes nothing.
 */
export async function reportRecords(
  ctx: SubjectsContext,
  kind: ReportKind,
  inputs: ReportInput[],
): Promise<ReportResult> {
  const { call, checked } = await checkCall(ctx, kind, inputs);
  return ctx.em.transactional(async (em) => {
    const existing = await findReported(
      em,
      kind,
      checked.flatMap((c) => (c.ok ? [c.key] : [])),
    );
    rejectReportedByOthers(call, checked, existing);
    const accepted = checked.filter((c): c is Accepted => c.ok);
    const rejected = checked.filter((c): c is Rejected => !c.ok);
    const { written, recordIds } = await writeRecords(em, call, accepted, existing);
    await upsertSubmissions(
      em,
      RECORD_KIND[kind],
      call.org,
      call.now,
      ctx.principal.channel ?? SubmissionChannel.UNKNOWN,
      submissionRows(call, accepted, rejected, recordIds),
    );
    return resultOf(call, accepted, rejected, written);
  });
}
