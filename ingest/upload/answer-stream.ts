import type { Response } from 'express';
import type { AppliedBatch } from './file-kind';
import type { ReportCounts } from './report-mutation';

/** The sums over the batches applied, and how many there were (a 双公示 kind's counts). */
export interface IngestCounts extends ReportCounts {
  batches: number;
}

/** Why a row was rejected: the field, its column header, a code and the message. */
export interface RowReason {
  field: string;
  column: string | null;
  code: string;
  message: string;
}

/** A rejected row as the answer gives it: its spreadsheet row and each reason (a kind adds what identifies the row). */
export interface RejectedRow {
  rowNumber: number | null;
  reasons: RowReason[];
}

/** A rejected 双公示 row: its document number beside it. */
export interface RowRejection extends RejectedRow {
  documentNo: string | null;
}

/** Why an ingest stopped once its answer had started, and how far it got. */
export interface IngestFailure {
  message: string;
  code: string;
  /** Rows of the batches that were applied (each batch all or nothing); re-sending the file is safe. */
  rowsApplied: number;
  /** Spreadsheet row of the last row applied; null when none was. */
  lastRowApplied: number | null;
}

/** The counts a kind's answer sums, all zero, then `batches`. */
export function emptyCounts(names: readonly string[]): Record<string, number> {
  return Object.fromEntries([...names, 'batches'].map((name) => [name, 0]));
}

export function addResult(counts: Record<string, number>, applied: AppliedBatch): void {
  for (const key in counts) if (key !== 'batches') counts[key] += applied.counts[key] ?? 0;
  counts.batches += 1;
}

/**
 * The answer to a file, written as the batches come back so that memory does
 * not grow with the rejections:
 * `{"kind":…,"rejections":[…],"counts":{…},"error":null|{…}}` (and `"batches":[…]` before the counts
 * when the kind's mutation keeps its batches). Once started it
 * is HTTP 200 whatever happens next; a later failure goes into `error`.
 */
export class AnswerStream {
  private started = false;
  private rejections = 0;
  /** What the batches' mutations kept of them (an evaluation import's batch ids), answered after the rejections. */
  private readonly batches: Readonly<Record<string, unknown>>[] = [];

  constructor(
    private readonly res: Response,
    private readonly kind: string,
  ) {}

  get hasStarted(): boolean {
    return this.started;
  }

  private write(text: string): void {
    // A client that went away reads nothing; the ingest still stops at the next read of its upload.
    if (!this.res.destroyed && !this.res.writableEnded) this.res.write(text);
  }

  start(): void {
    this.started = true;
    this.res.status(200).type('application/json; charset=utf-8');
    this.write(`{"kind":${JSON.stringify(this.kind)},"rejections":[`);
  }

  batch(batch: Readonly<Record<string, unknown>>): void {
    this.batches.push(batch);
  }

  rejection(rejection: RejectedRow): void {
    this.write(`${this.rejections === 0 ? '' : ','}\n${JSON.stringify(rejection)}`);
    this.rejections += 1;
  }

  finish(counts: Readonly<Record<string, number>>, error: IngestFailure | null): void {
    const batches = this.batches.length > 0 ? `,"batches":${JSON.stringify(this.batches)}` : '';
    this.write(
      `${this.rejections === 0 ? '' : '\n'}]${batches},"counts":${JSON.stringify(counts)},"error":${JSON.stringify(error)}}\n`,
    );
    if (!this.res.destroyed && !this.res.writableEnded) this.res.end();
  }
}
