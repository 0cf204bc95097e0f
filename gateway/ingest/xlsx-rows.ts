import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badInput, IngestError, unsupportedMediaType } from './errors';
import type { SheetRow } from './records';
import { SharedStrings } from './shared-strings';

/** What exceljs's reader yields: a worksheet, or (sharedStrings: 'emit') one shared string. */
type ReaderEvent = { eventType: string; value: unknown } | { index: number; text: unknown };

interface StreamedRow {
  number: number;
  values: unknown[];
}

interface StreamedWorksheet {
  [Symbol.asyncIterator](): AsyncIterator<StreamedRow>;
}

/**
 * exceljs pipes its input into the unzipper without passing errors on: when
 * the upload fails (too large, client gone) its reader would wait forever.
 * Each step of the reader therefore also ends on the source's failure. (Not
 * Promise.race against one long-lived promise: that keeps a reaction per step,
 * millions for a large file.) Steps are taken one at a time.
 */
class Guard {
  private failure: unknown = null;
  private abort: ((error: unknown) => void) | null = null;

  constructor(source: Readable) {
    source.once('error', (error: unknown) => {
      this.failure = error;
      this.abort?.(error);
    });
  }

  async step<T>(next: Promise<IteratorResult<T>>): Promise<IteratorResult<T>> {
    try {
      if (this.failure) throw this.failure;
      return await new Promise<IteratorResult<T>>((resolve, reject) => {
        this.abort = reject;
        next.then(resolve, reject);
      });
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw badInput(`the XLSX file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.abort = null;
    }
  }
}

/**
 * The rows of the first worksheet of an XLSX file, with exceljs's streaming
 * reader: the zip is read as it arrives; the worksheet waits in exceljs's
 * temporary file until the shared strings (which Excel stores after it) are
 * read, and those are kept on disk too (SharedStrings), so that memory does
 * not grow with the file. Styles are read so that date cells come as dates. Rows the sheet does not store
 * (blank) are skipped; row numbers are the sheet's own.
 */
export async function* xlsxRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRow> {
  const source = Readable.from(chunks, { objectMode: false });
  const guard = new Guard(source);
  // 'emit': the shared strings come as events, kept on disk; a worksheet is then always read after them, from exceljs's temporary file.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const events = reader.parse() as AsyncIterator<ReaderEvent>;
  const strings = new SharedStrings();
  let complete = false;
  let first: AsyncIterator<StreamedRow> | null = null;
  try {
    first = await nextWorksheet(events, guard, strings);
    if (!first) throw unsupportedMediaType('the zip file holds no worksheet; send an XLSX workbook');
    for (let row = await guard.step(first.next()); !row.done; row = await guard.step(first.next())) {
      yield { rowNumber: row.value.number, cells: row.value.values.slice(1).map((value) => resolveShared(value, strings)) };
    }
    complete = true;
  } finally {
    strings.close();
    // The first worksheet is the report; the rest of the workbook is read and dropped (in the background when the reader stopped early).
    const rest = readToEnd(events, complete ? null : first, guard);
    if (complete || !first) await rest;
  }
}

/** The text of a shared string: rich text joined (its runs' fonts do not matter here). */
function sharedText(text: unknown): string {
  if (typeof text === 'string') return text;
  const runs = (text as { richText?: { text?: unknown }[] } | null)?.richText;
  return Array.isArray(runs) ? runs.map((run) => (typeof run.text === 'string' ? run.text : '')).join('') : '';
}

function resolveShared(value: unknown, strings: SharedStrings): unknown {
  const index = (value as { sharedString?: unknown } | null)?.sharedString;
  return typeof index === 'number' ? strings.get(index) : value;
}

/** Reads on to the next worksheet, keeping the shared strings met on the way (all of them come before, see above). */
async function nextWorksheet(events: AsyncIterator<ReaderEvent>, guard: Guard, strings?: SharedStrings): Promise<AsyncIterator<StreamedRow> | null> {
  for (let event = await guard.step(events.next()); !event.done; event = await guard.step(events.next())) {
    const value = event.value;
    if ('index' in value) strings?.add(sharedText(value.text));
    else if (value.eventType === 'worksheet') return (value.value as StreamedWorksheet)[Symbol.asyncIterator]();
  }
  return null;
}

/**
 * exceljs closes and removes the temporary file of a worksheet only once it
 * has been read to the end: the rest of a workbook that is not wanted (the
 * sheets after the first, a file refused for its header) is read and dropped.
 */
async function readToEnd(events: AsyncIterator<ReaderEvent>, current: AsyncIterator<StreamedRow> | null, guard: Guard): Promise<void> {
  try {
    for (let rows = current ?? (await nextWorksheet(events, guard)); rows; rows = await nextWorksheet(events, guard)) {
      while (!(await guard.step(rows.next())).done);
    }
  } catch {
    // A failed upload: there is nothing more to read.
  }
}
