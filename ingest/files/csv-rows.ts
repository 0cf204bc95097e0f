import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { badInput } from './errors';
import type { SheetRow } from './records';

/**
 * Longest CSV row, in characters: far above a full record (its longest fields
 * are 4,000 characters each), low enough that one row still fits a call to
 * the subgraph (BODY_LIMIT, 2 MB) and a runaway quote does not buffer the file.
 */
export const MAX_CSV_ROW_CHARS = 200_000;

async function* decode(chunks: AsyncIterable<Buffer>, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<string> {
  // The decoder drops a UTF-8 BOM; a byte that is not UTF-8 is an error, never a silent U+FFFD.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw badInput(
        'the file is not valid UTF-8 text; save it as "CSV UTF-8", or send Content-Type: text/csv; charset=gb18030',
      );
    throw error;
  }
}

/**
 * The rows of a CSV file, read as they arrive (one row buffered at a time).
 * Every record is a spreadsheet row, blank ones included, so row numbers
 * match what Excel shows for the same file.
 */
export async function* csvRows(chunks: AsyncIterable<Buffer>, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<SheetRow> {
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: MAX_CSV_ROW_CHARS });
  const text = Readable.from(decode(chunks, encoding), { objectMode: false, encoding: 'utf8' });
  // Errors of the source reach the parser, which raises them where the rows are read.
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells };
    }
  } catch (error) {
    const { code, records } = error as { code?: unknown; records?: unknown };
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw error;
    // Rows parsed before the error may not have been read yet: the parser counts them.
    const row = (typeof records === 'number' ? records : rowNumber) + 1;
    throw badInput(`CSV row ${row}: ${(error as Error).message}`, { rowNumber: row });
  } finally {
    text.unpipe(parser);
    text.destroy();
    parser.destroy();
  }
}
