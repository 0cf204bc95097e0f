import type { ReportField } from '../../shared/reporting/fields';
import type { ReportInput } from '../files/records';
import type { Caller, SendOperation } from '../gateway-client';
import type { RejectedRow } from './answer-stream';

/** What one applied batch adds to the answer: its counts (the kind's names), its rejected rows by spreadsheet row. */
export interface AppliedBatch {
  counts: Readonly<Record<string, number>>;
  rejections: RejectedRow[];
  /** What the answer lists for the batch, when the mutation keeps one (an evaluation import batch: id, key). */
  batch?: Readonly<Record<string, unknown>>;
}

/** Applies one batch as the caller: one mutation posted to the gateway, one transaction. */
export type ApplyBatch = (send: SendOperation, batch: ReportInput[], caller: Caller) => Promise<AppliedBatch>;

/** The query parameters of an upload, as Express reads them. */
export type UploadQuery = Readonly<Record<string, unknown>>;

/**
 * A kind of file `POST /ingest/<name>` takes: its template's columns, the scope
 * a token needs (checked before a byte of the upload is read), the counts its
 * answer sums, and how its batches are applied, from the upload's query
 * parameters (a bad one is refused before the upload is read, too).
 */
export interface FileKind {
  readonly name: string;
  readonly fields: readonly ReportField[];
  readonly scope: string;
  /** The answer's counts, in order; `batches` is added after them. */
  readonly counts: readonly string[];
  /** The counts that are outcomes of a row, for gusu_ingest_rows_total. */
  readonly outcomes: readonly string[];
  /**
   * When set, the file is applied whole, in one call (a SNAPSHOT list must be seen whole: what it leaves
   * out is removed): at most `rows` records and `bytes` of text, else 413 before anything is applied.
   */
  readonly wholeFile?: { rows: number; bytes: number };
  /** A token without a department may send it (a platform's service token); its uploads are counted by its subject. */
  readonly withoutOrg?: boolean;
  applier(query: UploadQuery): ApplyBatch;
}
