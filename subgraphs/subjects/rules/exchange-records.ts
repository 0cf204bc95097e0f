import { LicenseStatus, Severity, SubjectKind } from '../../../shared/domain/vocabulary';
import type {
  ExchangeRecordKind,
  RecordSnapshot,
  SnapshotValue,
  WithdrawalReason,
} from '../../../shared/exchange/record-snapshot';

/**
 * A penalty or licence as repositories/exchange-records.ts reads it for the exchange: the record's own
 * fields by entity property name (dates as ISO strings, decimals as numbers, 处罚类别 joined by ';'),
 * with its subject and a version taken from subjects.exchange_version_seq in the same statement.
 */
export interface ExchangeRecordRow {
  id: string;
  /** nextval of subjects.exchange_version_seq (bigint, as pg returns it). */
  version: string;
  subjectId: string;
  subjectUscc: string | null;
  subjectName: string;
  subjectKind: string;
  /** 证件号码 and 证件类型 as subjects stores them (only natural persons have them). */
  subjectIdNumber: string | null;
  subjectIdType: string | null;
  fields: Record<string, SnapshotValue>;
}

function text(fields: Record<string, SnapshotValue>, name: string): string | null {
  const value = fields[name];
  return typeof value === 'string' ? value : null;
}

/**
 * Why a penalty is no longer shared, or null while it is: the public's rule (rules/penalty-visibility.ts) —
 * 撤销 first, then 信用修复, then not published under the rule table (e.g. a minor penalty under Order 36),
 * then its publicity period over.
 */
export function penaltyWithdrawal(fields: Record<string, SnapshotValue>, today: string): WithdrawalReason | null {
  if (text(fields, 'revokedAt') !== null) return 'REVOKED';
  if (text(fields, 'repairedAt') !== null) return 'REPAIRED';
  if (fields.published !== true) return 'NOT_PUBLIC';
  const endsAt = text(fields, 'publicityEndsAt');
  if (endsAt !== null && endsAt < today) return 'EXPIRED';
  return null;
}

/** A licence stops being shared when it is 无效 (撤销、撤回、注销, revokeLicense or a report saying so). */
export function licenseWithdrawal(fields: Record<string, SnapshotValue>): WithdrawalReason | null {
  return fields.status === LicenseStatus.INVALID ? 'REVOKED' : null;
}

function snapshot(
  kind: ExchangeRecordKind,
  row: ExchangeRecordRow,
  fields: Record<string, SnapshotValue>,
  withdrawal: WithdrawalReason | null,
  changedAt: string,
): RecordSnapshot {
  const naturalPerson = row.subjectKind === SubjectKind.NATURAL_PERSON;
  return {
    kind,
    key: row.id,
    version: Number(row.version),
    state: withdrawal === null ? 'ACTIVE' : 'WITHDRAWN',
    withdrawalReason: withdrawal,
    subject: { id: row.subjectId, uscc: row.subjectUscc, name: row.subjectName, kind: row.subjectKind },
    fields: {
      ...fields,
      // Unmasked: the sharing catalogue decides whether a receiver gets it (includeIdNumber).
      idNumber: naturalPerson ? row.subjectIdNumber : null,
      idType: naturalPerson ? (row.subjectIdType ?? '身份证') : null,
    },
    changedAt,
  };
}

/** A penalty in full for the exchange; `minor` is 轻微失信信息 (severity MINOR of the rule table). */
export function penaltySnapshot(row: ExchangeRecordRow, changedAt: string, today: string): RecordSnapshot {
  const fields = { ...row.fields, minor: row.fields.severity === Severity.MINOR };
  return snapshot('PENALTY', row, fields, penaltyWithdrawal(row.fields, today), changedAt);
}

/** A licence in full for the exchange. */
export function licenseSnapshot(row: ExchangeRecordRow, changedAt: string): RecordSnapshot {
  return snapshot('LICENSE', row, row.fields, licenseWithdrawal(row.fields), changedAt);
}
