import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '../../../shared/db/orm';
import { boundQuery } from '../../../shared/db/bound-query';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { PenaltyDomain, RecordKind, Severity, SubjectStatus, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { badUserInput } from '../../../shared/graphql/errors';
import { DOCUMENT_FIELD, MAX_RECORDS_PER_CALL, ReportKind } from '../../../shared/reporting/fields';
import { SCHEMA } from '../config';
import { Department } from '../entities/department';
import { PublicityRepairRule } from '../entities/publicity-repair-rule';
import { ReportingRule } from '../entities/reporting-rule';
import type { SubjectsContext } from '../loaders';
import { judgePublicity, PublicityJudgement } from '../rules/publicity';
import { problem } from '../rules/report-problems';
import { Authority, CheckedReport, checkReport, NaturalKey, Party, partyKey, RecordValues } from '../rules/report-validation';
import { publishEvent } from '../../../shared/events/publish';
import { reportingDeadline } from '../rules/reporting-deadline';
import { mayUpdateReported } from '../rules/reporting-authority';
import { reportableAuthorities, requireDirectoryOrg } from '../services/directory';
import type { RecordRejection, ReportInput, ReportResult } from './report-types';
import { RECORD_TABLES, recordUpsertSql } from './record-tables';

const RECORD_KIND: Record<ReportKind, RecordKind> = {
  licenses: RecordKind.LICENSE,
  penalties: RecordKind.PENALTY,
  actions: RecordKind.ACTION,
};

type Accepted = Extract<CheckedReport, { ok: true }> & { index: number };
type Rejected = Extract<CheckedReport, { ok: false }> & { index: number };

function keyText(key: NaturalKey): string {
  return `${key.authorityCode}|${key.documentNo}`;
}

/** A rejected record without a natural key is known by what was sent: resending it changes nothing. */
function payloadDigest(input: ReportInput): string {
  const { rowNumber: _row, ...payload } = input;
  const canonical = JSON.stringify(Object.keys(payload).sort().map((k) => [k, payload[k] ?? null]));
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

function payloadOf(input: ReportInput): Record<string, unknown> {
  const { rowNumber: _row, ...payload } = input;
  return payload;
}

/** Within one call the last record of a natural key wins; earlier ones are rejected as duplicates. */
function rejectEarlierDuplicates(kind: ReportKind, checked: (CheckedReport & { index: number })[], inputs: ReportInput[]): void {
  const last = new Map<string, number>();
  for (const report of checked) if (report.key) last.set(keyText(report.key), report.index);
  for (const [i, report] of checked.entries()) {
    if (!report.key) continue;
    const winner = last.get(keyText(report.key)) as number;
    if (winner === report.index) continue;
    const reasons = report.ok ? [] : report.problems;
    checked[i] = {
      ok: false,
      index: report.index,
      key: null,
      documentNo: report.key.documentNo,
      decidedAt: report.decidedAt,
      problems: [...reasons, problem(DOCUMENT_FIELD[kind], 'DUPLICATE', `与同一批次 ${positionOf(inputs, winner)} 的机关和文书号相同，以后者为准`)],
    };
  }
}

/**
 * One submission row per key: identical rejected records (same payload, hence the same digest) may
 * arrive several times in one call, and one upsert cannot touch a row twice. The last one sent wins,
 * as for records with a natural key; every one of them is still answered in `rejections`.
 */
function lastOfEachKey<T extends { index: number; key: string }>(rows: T[]): Omit<T, 'index'>[] {
  const last = new Map<string, T>();
  for (const row of rows) if ((last.get(row.key)?.index ?? -1) < row.index) last.set(row.key, row);
  return [...last.values()].map(({ index: _index, ...row }) => row);
}

/** How a department finds a record of its call again: the file row, else its position. */
function positionOf(inputs: ReportInput[], index: number): string {
  const row = inputs[index].rowNumber;
  return row == null ? `records[${index}]` : `第 ${row} 行`;
}

interface WrittenRow {
  id: string;
  inserted: boolean;
  authority_code: string;
  document_no: string;
  revoked?: boolean;
}

/** Tells the subgraphs that judge penalties (repairs) what was created or changed, in this transaction. */
async function announcePenalties(em: EntityManager, records: RecordValues[], written: WrittenRow[]): Promise<void> {
  const byKey = new Map(records.map((r) => [`${r.authorityCode}|${r.documentNo}`, r]));
  const penalties = written.map((row) => {
    const record = byKey.get(`${row.authority_code}|${row.document_no}`) as RecordValues;
    return {
      penaltyId: row.id,
      subjectId: record.subjectId as string,
      severity: record.severity as string,
      decidedAt: record.decidedAt as string,
      authorityCode: row.authority_code,
      dataSourceCode: record.dataSourceCode as string,
      revoked: row.revoked === true,
      ...publicityFactsOf(record),
    };
  });
  await publishEvent(em, 'penalties.changed', { penalties });
}

/**
 * 当前状态 reported: a licence that became 无效 is stamped (when, and that its
 * department reported it); one reported 有效 again loses the stamp.
 */
async function stampLicenseStatus(em: EntityManager, written: WrittenRow[], org: string): Promise<void> {
  await boundQuery(
    em,
    `update ${SCHEMA}.administrative_license t set
        invalidated_at = case when t.status = 'INVALID' then coalesce(t.invalidated_at, now()) end,
        invalidation_reason = case when t.status = 'INVALID' then coalesce(t.invalidation_reason, ?) end
      where t.id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
        and ((t.status = 'INVALID') <> (t.invalidated_at is not null))`,
    [`报送当前状态为无效 (${org})`, JSON.stringify(written.map((row) => row.id).sort())],
  );
}

/** The computed publicity facts repairs judges eligibility on (it keeps no rule table of its own). */
export function publicityFactsOf(record: { regime?: unknown; published?: unknown; repairable?: unknown; repairableFrom?: unknown; publicityEndsAt?: unknown }) {
  return {
    regime: record.regime as string,
    published: record.published as boolean,
    repairable: record.repairable as boolean,
    repairableFrom: record.repairableFrom as string,
    publicityEndsAt: record.publicityEndsAt as string,
  };
}

/** A penalty's domain (the authority's 主管领域 when not reported) and its publicity under the rule table. */
function penaltyPublicity(directory: Directory, values: RecordValues, authorityCode: string, decidedAt: string): { domain: PenaltyDomain } & PublicityJudgement {
  const domain = (values.domain as PenaltyDomain | null) ?? directory.domains.get(authorityCode) ?? PenaltyDomain.GENERAL;
  return {
    domain,
    ...judgePublicity(directory.publicityRules, {
      decidedAt,
      severity: values.severity as Severity,
      domain,
      specificSerious: values.specificSerious === true,
      necessaryPublicityMonths: (values.necessaryPublicityMonths as number | null) ?? null,
    }),
  };
}

interface Directory {
  authorities: Map<string, Authority>;
  /** Each department's 主管领域, by code. */
  domains: Map<string, PenaltyDomain>;
  rule: ReportingRule;
  publicityRules: PublicityRepairRule[];
  calendar: Awaited<ReturnType<typeof loadWorkingDayCalendar>> | null;
}

async function readDirectory(em: EntityManager, kind: RecordKind): Promise<Directory> {
  const [departments, rule, publicityRules] = await Promise.all([
    em.find(Department, {}),
    em.findOneOrFail(ReportingRule, { kind }),
    kind === RecordKind.PENALTY ? em.find(PublicityRepairRule, {}) : Promise.resolve([]),
  ]);
  return {
    authorities: new Map(departments.filter((d) => d.uscc).map((d) => [d.uscc as string, { code: d.code, name: d.name, uscc: d.uscc as string }])),
    domains: new Map(departments.map((d) => [d.code, d.domain])),
    rule,
    publicityRules,
    calendar: rule.dayUnit === 'WORKING' ? await loadWorkingDayCalendar(em) : null,
  };
}

/** A subject row as the report writes it (jsonb_to_recordset keys). */
function subjectRow(party: Party): Record<string, string | null> {
  if (party.by === 'idNumber') {
    return { id: randomUUID(), uscc: null, registration_no: null, id_number: party.idNumber, id_type: party.idType, name: party.name, kind: 'NATURAL_PERSON', division_code: party.divisionCode, legal_rep_name: null, legal_rep_id_type: null, legal_rep_id_number: null, org_code: null, tax_registration_no: null, institution_certificate_no: null, social_org_registration_no: null };
  }
  return {
    id: randomUUID(),
    uscc: party.uscc,
    registration_no: party.registrationNo,
    id_number: null,
    id_type: null,
    name: party.name,
    kind: party.kind,
    division_code: party.divisionCode,
    legal_rep_name: party.legalRepName,
    legal_rep_id_type: party.legalRepIdType,
    legal_rep_id_number: party.legalRepIdNumber,
    org_code: party.orgCode,
    tax_registration_no: party.taxRegistrationNo,
    institution_certificate_no: party.institutionCertificateNo,
    social_org_registration_no: party.socialOrgRegistrationNo,
  };
}

const SUBJECT_ROW_TYPE =
  'id uuid, uscc text, registration_no text, id_number text, id_type text, name text, kind text, division_code text, legal_rep_name text, legal_rep_id_type text, legal_rep_id_number text, org_code text, tax_registration_no text, institution_certificate_no text, social_org_registration_no text';

/**
 * Subjects of the accepted records: created when first met (and announced),
 * then read back by their codes. A subject met again keeps what it has; codes it
 * lacks (行政相对人代码_2 … _6, 法定代表人证件, its USCC once an 个体工商户 known by
 * its 工商注册号 gets one) are filled in, never overwritten.
 */
async function resolveParties(em: EntityManager, accepted: Accepted[]): Promise<Map<string, string>> {
  const byCode = new Map<string, Party>();
  for (const { party } of accepted) byCode.set(partyKey(party), party);
  const rows = [...byCode.values()].map(subjectRow);
  const created = await boundQuery<{ id: string; uscc: string | null; name: string }>(
    em,
    `insert into ${SCHEMA}.subject (id, uscc, registration_no, id_number, id_type, name, kind, status, division_code, legal_rep_name, legal_rep_id_type, legal_rep_id_number, org_code, tax_registration_no, institution_certificate_no, social_org_registration_no)
     select r.id, r.uscc, r.registration_no, r.id_number, r.id_type, r.name, r.kind, ?, r.division_code, r.legal_rep_name, r.legal_rep_id_type, r.legal_rep_id_number, r.org_code, r.tax_registration_no, r.institution_certificate_no, r.social_org_registration_no
       from jsonb_to_recordset(?::jsonb) as r(${SUBJECT_ROW_TYPE})
      order by r.uscc, r.registration_no, r.id_number
     on conflict do nothing
     returning id, uscc, name`,
    [SubjectStatus.ACTIVE, JSON.stringify(rows)],
  );
  // Sanctions resolves codes through its own index: new organisations join it (persons have no code to list by).
  const organisations = created.filter((row): row is { id: string; uscc: string; name: string } => row.uscc !== null);
  if (organisations.length > 0) await publishEvent(em, 'subjects.registered', { subjects: organisations });
  const values = (key: 'uscc' | 'registration_no' | 'id_number') => JSON.stringify(rows.map((r) => r[key]).filter((v): v is string => v !== null));
  const found = await boundQuery<{ id: string; uscc: string | null; registration_no: string | null; id_number: string | null }>(
    em,
    `select id, uscc, registration_no, id_number from ${SCHEMA}.subject
      where uscc in (select jsonb_array_elements_text(?::jsonb))
         or registration_no in (select jsonb_array_elements_text(?::jsonb))
         or id_number in (select jsonb_array_elements_text(?::jsonb))
      order by id`,
    [values('uscc'), values('registration_no'), values('id_number')],
  );
  const byUscc = new Map(found.filter((f) => f.uscc).map((f) => [f.uscc as string, f.id]));
  const byRegistration = new Map(found.filter((f) => f.registration_no).map((f) => [f.registration_no as string, f.id]));
  const byIdNumber = new Map(found.filter((f) => f.id_number).map((f) => [f.id_number as string, f.id]));
  const ids = new Map<string, string>();
  const fills: Record<string, string | null>[] = [];
  for (const [key, party] of byCode) {
    const id = party.by === 'idNumber' ? byIdNumber.get(party.idNumber) : ((party.uscc && byUscc.get(party.uscc)) || (party.registrationNo && byRegistration.get(party.registrationNo)) || undefined);
    if (id === undefined) continue;
    ids.set(key, id);
    fills.push({ ...subjectRow(party), id });
  }
  const filled = await fillMissingCodes(em, fills);
  // An 个体工商户 known by its 工商注册号 that now has its USCC joins sanctions' index too.
  const withoutCode = new Set(found.filter((f) => f.uscc === null).map((f) => f.id));
  const coded = filled.filter((row): row is { id: string; uscc: string; name: string } => row.uscc !== null && withoutCode.has(row.id));
  if (coded.length > 0) await publishEvent(em, 'subjects.registered', { subjects: coded });
  return ids;
}

/** Codes a known subject lacks, taken from the report; a USCC or 工商注册号 another subject holds is left alone. */
async function fillMissingCodes(em: EntityManager, rows: Record<string, string | null>[]): Promise<{ id: string; uscc: string | null; name: string }[]> {
  if (rows.length === 0) return [];
  return boundQuery<{ id: string; uscc: string | null; name: string }>(
    em,
    `update ${SCHEMA}.subject s set
        uscc = coalesce(s.uscc, case when r.uscc is not null and not exists (select 1 from ${SCHEMA}.subject o where o.uscc = r.uscc) then r.uscc end),
        registration_no = coalesce(s.registration_no, case when r.registration_no is not null and not exists (select 1 from ${SCHEMA}.subject o where o.registration_no = r.registration_no) then r.registration_no end),
        id_type = coalesce(s.id_type, r.id_type),
        legal_rep_name = coalesce(s.legal_rep_name, r.legal_rep_name),
        legal_rep_id_type = coalesce(s.legal_rep_id_type, r.legal_rep_id_type),
        legal_rep_id_number = coalesce(s.legal_rep_id_number, r.legal_rep_id_number),
        org_code = coalesce(s.org_code, r.org_code),
        tax_registration_no = coalesce(s.tax_registration_no, r.tax_registration_no),
        institution_certificate_no = coalesce(s.institution_certificate_no, r.institution_certificate_no),
        social_org_registration_no = coalesce(s.social_org_registration_no, r.social_org_registration_no)
       from (select * from jsonb_to_recordset(?::jsonb) as x(${SUBJECT_ROW_TYPE}) order by x.id) r
      where s.id = r.id
        and (s.uscc is null and r.uscc is not null or s.registration_no is null and r.registration_no is not null
             or s.id_type is null and r.id_type is not null or s.legal_rep_name is null and r.legal_rep_name is not null
             or s.legal_rep_id_type is null and r.legal_rep_id_type is not null or s.legal_rep_id_number is null and r.legal_rep_id_number is not null
             or s.org_code is null and r.org_code is not null or s.tax_registration_no is null and r.tax_registration_no is not null
             or s.institution_certificate_no is null and r.institution_certificate_no is not null
             or s.social_org_registration_no is null and r.social_org_registration_no is not null)
      returning s.id, s.uscc, s.name`,
    [JSON.stringify(rows)],
  );
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
export async function reportRecords(ctx: SubjectsContext, kind: ReportKind, inputs: ReportInput[]): Promise<ReportResult> {
  if (inputs.length === 0) throw badUserInput('records', "'records' is empty");
  if (inputs.length > MAX_RECORDS_PER_CALL) throw badUserInput('records', `at most ${MAX_RECORDS_PER_CALL} records per call (got ${inputs.length})`);
  // The reporting department (数据来源单位) is always the caller: a record has no field to name another.
  const { code: org } = await requireDirectoryOrg(ctx.em, ctx.principal, '报送');
  const recordKind = RECORD_KIND[kind];
  const today = ctx.today;
  const [directory, reportableFor] = await Promise.all([readDirectory(ctx.em, recordKind), reportableAuthorities(ctx.em, org, today)]);
  const reporter = [...directory.authorities.values()].find((authority) => authority.code === org) ?? null;
  const context = { today, authorities: directory.authorities, reportableFor, reporter };
  const checked = inputs.map((input, index) => ({ ...checkReport(kind, input, context), index }));
  rejectEarlierDuplicates(kind, checked, inputs);
  const table = RECORD_TABLES[kind];
  const now = new Date();

  return ctx.em.transactional(async (em) => {
    // Who reported each natural key already: a delegate does not change what the authority or another delegate reported.
    const keys = checked.filter((c): c is Accepted => c.ok).map((c) => ({ authority_code: c.key.authorityCode, document_no: c.key.documentNo }));
    const existing = await boundQuery<{ id: string; authority_code: string; document_no: string; data_source_code: string }>(
      em,
      `select t.id, t.authority_code, t.${table.documentColumn} as document_no, t.data_source_code
         from ${SCHEMA}.${table.table} t
         join jsonb_to_recordset(?::jsonb) as k(authority_code text, document_no text)
           on t.authority_code = k.authority_code and t.${table.documentColumn} = k.document_no`,
      [JSON.stringify(keys)],
    );
    const existingByKey = new Map(existing.map((row) => [`${row.authority_code}|${row.document_no}`, row]));
    for (const [i, report] of checked.entries()) {
      if (!report.ok) continue;
      const owner = existingByKey.get(keyText(report.key))?.data_source_code;
      if (owner !== undefined && !mayUpdateReported(org, { authorityCode: report.key.authorityCode, dataSourceCode: owner })) {
        checked[i] = { ok: false, index: report.index, key: report.key, documentNo: report.key.documentNo, decidedAt: report.decidedAt, problems: [problem(DOCUMENT_FIELD[kind], 'REPORTED_BY_OTHER', `该机关文书号已由部门 ${owner} 报送，只能由其或该机关更新`)] };
      }
    }
    const accepted = checked.filter((c): c is Accepted => c.ok);
    const rejected = checked.filter((c): c is Rejected => !c.ok);

    const subjectIds = accepted.length > 0 ? await resolveParties(em, accepted) : new Map<string, string>();
    const records = accepted.map((report) => ({
      ...report.values,
      ...(kind === 'penalties' ? penaltyPublicity(directory, report.values, report.key.authorityCode, report.decidedAt) : {}),
      id: randomUUID(),
      subjectId: subjectIds.get(partyKey(report.party)) ?? null,
      documentNo: report.key.documentNo,
      decidedAt: report.decidedAt,
      authorityCode: report.key.authorityCode,
      dataSourceCode: org,
      reportedAt: now.toISOString(),
    }));
    const written = records.length === 0 ? [] : await boundQuery<WrittenRow>(em, recordUpsertSql(table), [JSON.stringify(records)]);
    if (kind === 'penalties' && written.length > 0) await announcePenalties(em, records, written);
    if (kind === 'licenses' && written.length > 0) await stampLicenseStatus(em, written, org);
    const recordIds = new Map(existing.map((row) => [`${row.authority_code}|${row.document_no}`, row.id]));
    for (const row of written) recordIds.set(`${row.authority_code}|${row.document_no}`, row.id);

    const dueOn = (decidedAt: string | null) => (decidedAt === null ? null : reportingDeadline(directory.rule, decidedAt, directory.calendar));
    const submissions = lastOfEachKey([
      ...accepted.map((report) => ({
        index: report.index,
        key: keyText(report.key),
        document_no: report.key.documentNo,
        record_id: recordIds.get(keyText(report.key)) ?? null,
        decided_at: report.decidedAt,
        due_on: dueOn(report.decidedAt)?.date ?? null,
        due_on_provisional: dueOn(report.decidedAt)?.provisional ?? false,
        accepted_at: now.toISOString(),
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
        due_on: dueOn(report.decidedAt)?.date ?? null,
        due_on_provisional: dueOn(report.decidedAt)?.provisional ?? false,
        accepted_at: null,
        outcome: SubmissionOutcome.REJECTED,
        reasons: report.problems,
        payload: payloadOf(inputs[report.index]),
        row_number: inputs[report.index].rowNumber ?? null,
      })),
    ]);
    await boundQuery(
      em,
      `insert into ${SCHEMA}.submission as t (id, kind, department_code, submission_key, document_no, record_id, decided_at, due_on, due_on_provisional, submitted_at, accepted_at, outcome, reasons, payload, row_number)
       select gen_random_uuid(), ?, ?, r.key, r.document_no, r.record_id, r.decided_at, r.due_on, r.due_on_provisional, ?, r.accepted_at, r.outcome, r.reasons, r.payload, r.row_number
         from jsonb_to_recordset(?::jsonb) as r(key text, document_no text, record_id uuid, decided_at date, due_on date, due_on_provisional boolean, accepted_at timestamptz, outcome text, reasons jsonb, payload jsonb, row_number int)
        order by r.key
       on conflict (department_code, kind, submission_key) do update set
         document_no = excluded.document_no,
         record_id = coalesce(excluded.record_id, t.record_id),
         decided_at = excluded.decided_at,
         due_on = excluded.due_on,
         due_on_provisional = excluded.due_on_provisional,
         accepted_at = coalesce(t.accepted_at, excluded.accepted_at),
         outcome = excluded.outcome,
         reasons = excluded.reasons,
         payload = excluded.payload,
         row_number = excluded.row_number
       where (t.document_no, t.record_id, t.decided_at, t.due_on, t.due_on_provisional, t.outcome, t.reasons, t.payload, t.row_number)
             is distinct from (excluded.document_no, coalesce(excluded.record_id, t.record_id), excluded.decided_at, excluded.due_on, excluded.due_on_provisional, excluded.outcome, excluded.reasons, excluded.payload, excluded.row_number)`,
      [recordKind, org, now.toISOString(), JSON.stringify(submissions)],
    );

    const created = written.filter((row) => row.inserted).length;
    const updated = written.length - created;
    const rejections: RecordRejection[] = rejected
      .sort((a, b) => a.index - b.index)
      .map((report) => ({ index: report.index, rowNumber: inputs[report.index].rowNumber ?? null, documentNo: report.documentNo, reasons: report.problems }));
    return {
      received: inputs.length,
      accepted: accepted.length,
      rejected: rejected.length,
      created,
      updated,
      unchanged: accepted.length - created - updated,
      rejections,
    };
  });
}
