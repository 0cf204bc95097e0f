import type { GraphQLFormattedError } from 'graphql';
import { REPORT_MUTATION, ReportKind } from '../../shared/reporting/fields';
import type { ReportInput } from '../files/records';
import type { Caller, SendOperation } from '../gateway-client';

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
    readonly applied: ReportResult | null = null,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'the report mutation returned no result');
    this.name = 'BatchFailed';
  }

  get code(): string {
    return String(this.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
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
): Promise<ReportResult> {
  const { data, errors } = await send(reportDocument(kind), { records }, caller);
  const result = data?.[REPORT_MUTATION[kind].mutation] as ReportResult | null | undefined;
  if (errors.length || !result) throw new BatchFailed(errors, result ?? null);
  return result;
}
