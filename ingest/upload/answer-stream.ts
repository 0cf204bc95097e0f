import type { Response } from 'express';
import type { ReportKind } from '../../shared/reporting/fields';
import { REPORT_COUNTS, ReportCounts, ReportResult } from './report-mutation';

/** The sums over the batches applied, and how many there were. */
export interface IngestCounts extends ReportCounts {
  batches: number;
}

export interface RowRejection {
  rowNumber: number | null;
  documentNo: string | null;
  reasons: { field: string; column: string | null; code: string; message: string }[];
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

export function emptyCounts(): IngestCounts {
  return { received: 0, accepted: 0, rejected: 0, created: 0, updated: 0, unchanged: 0, batches: 0 };
}

export function addResult(counts: IngestCounts, result: ReportResult): void {
  for (const key of REPORT_COUNTS) counts[key] += result[key];
  counts.batches += 1;
}

/**
 * The answer to a file, written as the batches come back so that memory does
 * not grow with the rejections:
 * `{"kind":…,"rejections":[…],"counts":{…},"error":null|{…}}`. Once started it
 * is HTTP 200 whatever happens next; a later failure goes into `error`.
 */
export class AnswerStream {
  private started = false;
  private rejections = 0;

  constructor(
    private readonly res: Response,
    private readonly kind: ReportKind,
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

  rejection(rejection: RowRejection): void {
    this.write(`${this.rejections === 0 ? '' : ','}\n${JSON.stringify(rejection)}`);
    this.rejections += 1;
  }

  finish(counts: IngestCounts, error: IngestFailure | null): void {
    this.write(
      `${this.rejections === 0 ? '' : '\n'}],"counts":${JSON.stringify(counts)},"error":${JSON.stringify(error)}}\n`,
    );
    if (!this.res.destroyed && !this.res.writableEnded) this.res.end();
  }
}
