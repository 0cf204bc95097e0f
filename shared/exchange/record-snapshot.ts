/**
 * A record as it travels to the receiving platforms (docs/EXCHANGE.md, "The feed"): the owning
 * subgraph describes every change of a record it shares in full — never a diff — so a receiver can
 * apply any entry on its own and the latest one wins. The exchange subgraph decides, by the sharing
 * catalogue (共享交换目录), which receiver gets which fields; producers send everything they own.
 */

/** Kinds of record the catalogue can name. */
export const EXCHANGE_RECORD_KINDS = ['PENALTY', 'LICENSE', 'LIST_ENTRY'] as const;
export type ExchangeRecordKind = (typeof EXCHANGE_RECORD_KINDS)[number];

/**
 * Why a record stops being shared: 信用修复 (REPAIRED), 撤销 by the deciding department (REVOKED),
 * 移出名单 (REMOVED), the publicity period over (EXPIRED), or no longer public under the rule table
 * (NOT_PUBLIC, e.g. a minor penalty the regulations keep out of publicity).
 */
export const WITHDRAWAL_REASONS = ['REPAIRED', 'REVOKED', 'REMOVED', 'EXPIRED', 'NOT_PUBLIC'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** A field value: what JSON carries without loss (dates as ISO strings). */
export type SnapshotValue = string | number | boolean | null;

export interface RecordSnapshot {
  kind: ExchangeRecordKind;
  /** The record's id in the subgraph that owns it: with `kind`, the record's key on every receiver. */
  key: string;
  /**
   * Grows with every change of the record (the owner's counter, never reused): a receiver keeps the
   * highest it has seen and ignores an older one that arrives late.
   */
  version: number;
  /** ACTIVE: share `fields`; WITHDRAWN: stop sharing (the receiver removes or marks the record). */
  state: 'ACTIVE' | 'WITHDRAWN';
  withdrawalReason: WithdrawalReason | null;
  /** 主体: its 统一社会信用代码 (null for a natural person), name and kind (LEGAL_PERSON, NATURAL_PERSON, …). */
  subject: { id: string; uscc: string | null; name: string; kind: string };
  /**
   * The record's fields by catalogue field name (e.g. decisionNumber, severity, idNumber): the catalogue
   * lists which of these a receiver gets. A withdrawal still carries them, so a receiver can find its copy.
   */
  fields: Record<string, SnapshotValue>;
  /** When the change was made (ISO 8601). */
  changedAt: string;
}

/**
 * A subject whose screening verdict changed (sanctions): what a department watching the code
 * (监测名单, §15/§16: 自动比对、自动提示) is told.
 */
export interface ScreeningChange {
  subjectId: string;
  uscc: string;
  name: string;
  /** The verdict now and before (sanctions' ScreeningVerdict values), null before the first screening. */
  verdict: string;
  previousVerdict: string | null;
  /** The list entries that make the verdict, by id and list (e.g. BLACK), for the receiver to look up. */
  entries: { entryId: string; list: string; listKind: string }[];
  changedAt: string;
}
