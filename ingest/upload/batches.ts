import { MAX_RECORDS_PER_CALL } from '../../shared/reporting/fields';
import { IngestError } from '../files/errors';
import type { ReportInput } from '../files/records';

/** How much one mutation call carries: at most `rows` records and, roughly, `bytes` of text. */
export interface BatchLimits {
  rows: number;
  /** Kept below the subgraphs' BODY_LIMIT, which long texts (违法事实, 4,000 characters each) would otherwise exceed. */
  bytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { rows: 1000, bytes: 1_000_000 };

/** UTF-8 size of a record's text, plus the JSON around each value. */
export function recordBytes(record: ReportInput): number {
  let bytes = 16;
  for (const key in record) {
    const value = record[key];
    bytes += key.length + 6;
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (Array.isArray(value)) for (const item of value) bytes += Buffer.byteLength(item) + 3;
    else bytes += 12;
  }
  return bytes;
}

/**
 * Groups records into batches, taking the next record only when asked for the
 * next batch: while a batch is in flight nothing more is read, so the upload
 * waits instead of piling up in memory. A record larger than `bytes` goes alone.
 */
export async function* batches(
  records: AsyncIterable<ReportInput>,
  limits: BatchLimits,
): AsyncGenerator<ReportInput[]> {
  const rows = Math.min(limits.rows, MAX_RECORDS_PER_CALL);
  let batch: ReportInput[] = [];
  let bytes = 0;
  for await (const record of records) {
    const size = recordBytes(record);
    if (batch.length > 0 && (batch.length >= rows || bytes + size > limits.bytes)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(record);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * The whole file as one batch (FileKind.wholeFile): every record is read first; more than `limits.rows`
 * records, or more than `limits.bytes` of text, is refused with 413 (TOO_MANY_ROWS, FILE_TOO_LARGE)
 * as soon as it is passed, before anything is applied.
 */
export async function* wholeFile(
  records: AsyncIterable<ReportInput>,
  limits: { rows: number; bytes: number },
): AsyncGenerator<ReportInput[]> {
  const batch: ReportInput[] = [];
  let bytes = 0;
  for await (const record of records) {
    if (batch.length >= limits.rows)
      throw new IngestError(
        413,
        'TOO_MANY_ROWS',
        `the file has more than ${limits.rows} rows: one import takes at most ${limits.rows} (split a CHANGES file; a SNAPSHOT must fit)`,
        { maxRows: limits.rows },
      );
    bytes += recordBytes(record);
    if (bytes > limits.bytes)
      throw new IngestError(413, 'FILE_TOO_LARGE', `the file's rows hold more than ${limits.bytes} bytes of text`, {
        maxBytes: limits.bytes,
      });
    batch.push(record);
  }
  if (batch.length > 0) yield batch;
}
