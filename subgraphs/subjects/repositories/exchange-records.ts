import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import type { ExchangeRecordRow } from '../rules/exchange-records';

/** How a column travels in a snapshot: as stored, a date, an instant (ISO 8601, UTC), a number, a list joined by ';'. */
type Shape = 'value' | 'date' | 'instant' | 'number' | 'list';

const REPORTED: [string, Shape][] = [
  ['id', 'value'],
  ['subjectId', 'value'],
  ['authorityCode', 'value'],
  ['dataSourceCode', 'value'],
  ['remarks', 'value'],
  ['reportedAt', 'instant'],
];

const PENALTY: [string, Shape][] = [
  ...REPORTED,
  ['decisionNo', 'value'],
  ['decidedAt', 'date'],
  ['violationType', 'value'],
  ['facts', 'value'],
  ['legalBasis', 'value'],
  ['categories', 'list'],
  ['content', 'value'],
  ['fineAmount', 'number'],
  ['confiscatedAmount', 'number'],
  ['licenseAction', 'value'],
  ['validUntil', 'date'],
  ['severity', 'value'],
  ['domain', 'value'],
  ['specificSerious', 'value'],
  ['necessaryPublicityMonths', 'value'],
  ['published', 'value'],
  ['repairable', 'value'],
  ['regime', 'value'],
  ['publicityEndsAt', 'date'],
  ['repairableFrom', 'date'],
  ['repairedAt', 'instant'],
  ['revokedAt', 'instant'],
  ['revocationReason', 'value'],
];

const LICENSE: [string, Shape][] = [
  ...REPORTED,
  ['documentName', 'value'],
  ['licenseNo', 'value'],
  ['title', 'value'],
  ['certificateNo', 'value'],
  ['category', 'value'],
  ['categoryDetail', 'value'],
  ['content', 'value'],
  ['decidedAt', 'date'],
  ['validFrom', 'date'],
  ['validUntil', 'date'],
  ['status', 'value'],
  ['invalidatedAt', 'instant'],
  ['invalidationReason', 'value'],
];

function expression(property: string, shape: Shape): string {
  const column = `t.${property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  switch (shape) {
    case 'value':
      return column;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'instant':
      return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'number':
      return `${column}::float8`;
    case 'list':
      return `array_to_string(${column}, ';')`;
  }
}

/**
 * One statement for any number of records: each with its subject, its authority and data source
 * (代码、名称、统一社会信用代码), and a new version from subjects.exchange_version_seq. Run after the
 * change, in its transaction, on rows the change has locked, so a later change of the same record
 * always takes a higher version.
 */
function snapshotSql(table: string, columns: [string, Shape][]): string {
  const fields = [
    ...columns.map(([property, shape]) => `'${property}', ${expression(property, shape)}`),
    `'authorityName', a.name, 'authorityUscc', a.uscc, 'dataSourceName', d.name, 'dataSourceUscc', d.uscc`,
  ].join(', ');
  return `select t.id, nextval('${SCHEMA}.exchange_version_seq')::text as version,
                 s.id as "subjectId", s.uscc as "subjectUscc", s.name as "subjectName", s.kind as "subjectKind",
                 s.id_number as "subjectIdNumber", s.id_type as "subjectIdType",
                 jsonb_build_object(${fields}) as fields
            from ${SCHEMA}.${table} t
            join ${SCHEMA}.subject s on s.id = t.subject_id
            left join ${SCHEMA}.department a on a.code = t.authority_code
            left join ${SCHEMA}.department d on d.code = t.data_source_code
           where t.id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
           order by t.id`;
}

const PENALTY_SQL = snapshotSql('administrative_penalty', PENALTY);
const LICENSE_SQL = snapshotSql('administrative_license', LICENSE);

/** The penalties with these ids as the exchange gets them, each with a new version. */
export function readPenaltyRecords(em: EntityManager, ids: readonly string[]): Promise<ExchangeRecordRow[]> {
  return boundQuery<ExchangeRecordRow>(em, PENALTY_SQL, [JSON.stringify(ids)]);
}

/** The licences with these ids as the exchange gets them, each with a new version. */
export function readLicenseRecords(em: EntityManager, ids: readonly string[]): Promise<ExchangeRecordRow[]> {
  return boundQuery<ExchangeRecordRow>(em, LICENSE_SQL, [JSON.stringify(ids)]);
}
