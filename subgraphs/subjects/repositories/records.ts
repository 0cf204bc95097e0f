import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { ReportKind } from '../../../shared/reporting/fields';
import { SCHEMA } from '../config';
import type { NaturalKey, RecordValues } from '../rules/report-validation';
import { RECORD_TABLES, recordUpsertSql } from './record-tables';

/** A record already in its table, found by its natural key. */
export interface ReportedRow {
  id: string;
  authority_code: string;
  document_no: string;
  data_source_code: string;
}

/** A row the upsert wrote: `inserted` tells a new record from an update; `revoked` only for penalties, `withdrawn` only for actions. */
export interface WrittenRow {
  id: string;
  inserted: boolean;
  authority_code: string;
  document_no: string;
  revoked?: boolean;
  withdrawn?: boolean;
}

/** One record as the upsert takes it: its column values keyed by entity property (repositories/record-tables.ts). */
export type RecordToWrite = RecordValues & {
  id: string;
  subjectId: string;
  documentNo: string;
  decidedAt: string;
  authorityCode: string;
  dataSourceCode: string;
  reportedAt: string;
};

/** The records of `kind` already reported under these natural keys. */
export function findReported(em: EntityManager, kind: ReportKind, keys: NaturalKey[]): Promise<ReportedRow[]> {
  const table = RECORD_TABLES[kind];
  return boundQuery<ReportedRow>(
    em,
    `select t.id, t.authority_code, t.${table.documentColumn} as document_no, t.data_source_code
       from ${SCHEMA}.${table.table} t
       join jsonb_to_recordset(?::jsonb) as k(authority_code text, document_no text)
         on t.authority_code = k.authority_code and t.${table.documentColumn} = k.document_no`,
    [JSON.stringify(keys.map((key) => ({ authority_code: key.authorityCode, document_no: key.documentNo })))],
  );
}

/** Upserts a batch on its natural keys in one statement; the rows it wrote come back. */
export async function upsertRecords(
  em: EntityManager,
  kind: ReportKind,
  records: RecordToWrite[],
): Promise<WrittenRow[]> {
  if (records.length === 0) return [];
  return boundQuery<WrittenRow>(em, recordUpsertSql(RECORD_TABLES[kind]), [JSON.stringify(records)]);
}

/**
 * 当前状态 reported: a licence that became 无效 is stamped (when, and that its
 * department reported it); one reported 有效 again loses the stamp.
 */
export async function stampLicenseStatus(em: EntityManager, licenseIds: string[], org: string): Promise<void> {
  await boundQuery(
    em,
    `update ${SCHEMA}.administrative_license t set
        invalidated_at = case when t.status = 'INVALID' then coalesce(t.invalidated_at, now()) end,
        invalidation_reason = case when t.status = 'INVALID' then coalesce(t.invalidation_reason, ?) end
      where t.id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
        and ((t.status = 'INVALID') <> (t.invalidated_at is not null))`,
    [`报送当前状态为无效 (${org})`, JSON.stringify([...licenseIds].sort())],
  );
}
