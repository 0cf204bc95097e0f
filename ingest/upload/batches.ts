import { MAX_RECORDS_PER_CALL } from '../../shared/reporting/fields';
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
