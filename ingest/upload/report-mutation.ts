import type { GraphQLFormattedError } from 'graphql';
import { SCOPES } from '../../shared/auth/policy';
import { DOCUMENT_FIELD, REPORT_FIELDS, REPORT_MUTATION, ReportKind } from '../../shared/reporting/fields';
import { columnOf } from '../files/columns';
import type { ReportInput } from '../files/records';
import type { Caller, SendOperation } from '../gateway-client';
import type { RowRejection } from './answer-stream';
import type { AppliedBatch, FileKind } from './file-kind';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface RecordRejection {
  index: number;
  rowNumber: number | null;
  documentNo: string | null;
  reasons: FieldProblem[];
}

export const REPORT_COUNTS = ['received', 'accepted', 'rejected', 'created', 'updated', 'unchanged'] as const;

/** accepted = created + updated + unchanged; received = accepted + rejected. */
export type ReportCounts = Record<(typeof REPORT_COUNTS)[number], number>;

export interface ReportResult extends ReportCounts {
  rejections: RecordRejection[];
}

/** The mutation of each kind, selecting every field of its result; written once. */
const DOCUMENTS = new Map<ReportKind, string>();

export function reportDocument(kind: ReportKind): string {
  let document = DOCUMENTS.get(kind);
  if (!document) {
    const { mutation, inputType } = REPORT_MUTATION[kind];
    const name = `Ingest${mutation[0].toUpperCase()}${mutation.slice(1)}`;
    document = `mutation ${name}($records: [${inputType}!]!) {
  ${mutation}(records: $records) {
    ${REPORT_COUNTS.join(' ')}
    rejections { index rowNumber documentNo reasons { field code message } }
  }
}`;
    DOCUMENTS.set(kind, document);
  }
  return document;
}

/** A batch that came back with errors: not applied, unless it also came back with its result (`applied`). */
export class BatchFailed extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly applied: AppliedBatch | null = null,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'the report mutation returned no result');
    this.name = 'BatchFailed';
  }

  get code(): string {
    return String(this.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
}

/** A rejection as the answer gives it: by spreadsheet row, each reason with its column header. */
function rowRejection(kind: ReportKind, batch: ReportInput[], rejection: RecordRejection): RowRejection {
  const record = batch[rejection.index];
  const documentNo = record?.[DOCUMENT_FIELD[kind]];
  return {
    rowNumber: rejection.rowNumber ?? record?.rowNumber ?? null,
    documentNo: rejection.documentNo ?? (typeof documentNo === 'string' ? documentNo : null),
    reasons: rejection.reasons.map(({ field, code, message }) => ({
      field,
      column: columnOf(kind, field),
      code,
      message,
    })),
  };
}

function appliedOf(kind: ReportKind, records: ReportInput[], result: ReportResult): AppliedBatch {
  return {
    counts: Object.fromEntries(REPORT_COUNTS.map((key) => [key, result[key]])),
    rejections: result.rejections.map((rejection) => rowRejection(kind, records, rejection)),
  };
}

/**
 * Sends one batch to the gateway's /graphql, as the caller: the same limits,
 * access rules (records:write), planning and audit as a client's mutation, and
 * one transaction in the subjects subgraph.
 */
export async function sendBatch(
  send: SendOperation,
  kind: ReportKind,
  records: ReportInput[],
  caller: Caller,
): Promise<AppliedBatch> {
  const { data, errors } = await send(reportDocument(kind), { records }, caller);
  const result = data?.[REPORT_MUTATION[kind].mutation] as ReportResult | null | undefined;
  const applied = result ? appliedOf(kind, records, result) : null;
  if (errors.length || !applied) throw new BatchFailed(errors, applied);
  return applied;
}

/** A 双公示 kind as a file: its template's columns, records:write, the report mutation. */
export function reportFileKind(kind: ReportKind): FileKind {
  return {
    name: kind,
    fields: REPORT_FIELDS[kind],
    scope: SCOPES.recordsWrite,
    counts: REPORT_COUNTS,
    outcomes: ['created', 'updated', 'unchanged', 'rejected'],
    applier: () => (send, batch, caller) => sendBatch(send, kind, batch, caller),
  };
}
