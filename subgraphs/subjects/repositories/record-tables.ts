import type { ReportKind } from '../../../shared/reporting/fields';
import { SCHEMA } from '../config';

/** A column a report writes: entity property, column, and its type in the JSON batch. */
interface Column {
  property: string;
  column: string;
  type: string;
}

export interface RecordTable {
  table: string;
  /** The document number column; with authority_code, the natural key. */
  documentColumn: string;
  /** Columns a resubmission may change (besides subject_id, decided_at). */
  columns: Column[];
  /** More of the written row to return, as SQL over alias t. */
  returning?: string;
}

function column(property: string, type = 'text'): Column {
  return { property, column: property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), type };
}

export const RECORD_TABLES: Record<ReportKind, RecordTable> = {
  penalties: {
    table: 'administrative_penalty',
    documentColumn: 'decision_no',
    returning: '(t.revoked_at is not null) as revoked',
    columns: [
      column('violationType'),
      column('facts'),
      column('legalBasis'),
      column('categories', 'text[]'),
      column('content'),
      column('fineAmount', 'numeric'),
      column('confiscatedAmount', 'numeric'),
      column('licenseAction'),
      column('validUntil', 'date'),
      column('severity'),
      column('domain'),
      column('specificSerious', 'boolean'),
      column('necessaryPublicityMonths', 'int'),
      column('published', 'boolean'),
      column('repairable', 'boolean'),
      column('regime'),
      column('publicityEndsAt', 'date'),
      column('repairableFrom', 'date'),
      column('remarks'),
    ],
  },
  licenses: {
    table: 'administrative_license',
    documentColumn: 'license_no',
    columns: [
      column('documentName'),
      column('category'),
      column('title'),
      column('certificateNo'),
      column('content'),
      column('validFrom', 'date'),
      column('validUntil', 'date'),
      column('categoryDetail'),
      column('status'),
      column('remarks'),
    ],
  },
  actions: {
    table: 'administrative_action',
    documentColumn: 'document_no',
    returning: '(t.withdrawn_at is not null) as withdrawn',
    columns: [column('actionKind'), column('title'), column('content'), column('remarks')],
  },
};

/**
 * One statement upserting a whole batch, sent as one JSON parameter of records
 * keyed by entity property. A record already there is updated only when
 * something differs, and only by the department that reported it or by its
 * authority (rules/reporting-authority.ts), which then becomes its data source. Rows are
 * written in key order (see services/report-records.ts); the rows written come back with `inserted` telling a new record from an update.
 */
export function recordUpsertSql(table: RecordTable): string {
  const changing = [
    { property: 'subjectId', column: 'subject_id', type: 'uuid' },
    { property: 'decidedAt', column: 'decided_at', type: 'date' },
    ...table.columns,
  ];
  const all = [
    { property: 'id', column: 'id', type: 'uuid' },
    { property: 'documentNo', column: table.documentColumn, type: 'text' },
    { property: 'authorityCode', column: 'authority_code', type: 'text' },
    { property: 'dataSourceCode', column: 'data_source_code', type: 'text' },
    { property: 'reportedAt', column: 'reported_at', type: 'timestamptz' },
    ...changing,
  ];
  // jsonb_to_recordset names its columns after the JSON keys; a list travels as jsonb and becomes text[].
  const recordType = all.map((c) => `"${c.property}" ${c.type === 'text[]' ? 'jsonb' : c.type}`).join(', ');
  const values = all
    .map((c) =>
      c.type === 'text[]' ? `array(select jsonb_array_elements_text(r."${c.property}"))` : `r."${c.property}"`,
    )
    .join(', ');
  const targets = changing.map((c) => `t.${c.column}`).join(', ');
  const excluded = changing.map((c) => `excluded.${c.column}`).join(', ');
  return `insert into ${SCHEMA}.${table.table} as t (${all.map((c) => c.column).join(', ')})
    select ${values} from jsonb_to_recordset(?::jsonb) as r(${recordType})
    order by r."authorityCode", r."documentNo"
    on conflict (authority_code, ${table.documentColumn}) do update set ${changing.map((c) => `${c.column} = excluded.${c.column}`).join(', ')}, data_source_code = excluded.data_source_code
    where (t.data_source_code = excluded.data_source_code or t.authority_code = excluded.data_source_code) and (${targets}) is distinct from (${excluded})
    returning t.id, (t.xmax = 0) as inserted, t.authority_code, t.${table.documentColumn} as document_no${table.returning ? `, ${table.returning}` : ''}`;
}
