import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { badInput, unsupportedMediaType } from './errors';
import type { SheetRow } from './records';
import { SharedStrings } from './shared-strings';
import {
  Budget,
  contentLimit,
  DEFAULT_XLSX_LIMITS,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_ROW_CHARS,
  MAX_ROWS,
  MAX_VALUE_COLUMNS,
  tempBudget,
  unzippedBudget,
  XlsxLimits,
} from './xlsx-limits';
import { dateStylesOf } from './xlsx-styles';
import { XmlEvent, xmlEvents } from './xml-events';
import { ZipArchive } from './zip-archive';

export interface XlsxOptions {
  limits: XlsxLimits;
  /** Where the upload and its shared strings are kept meanwhile (INGEST_TEMP_DIR). */
  tempDir: string;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Days from Excel's epoch (1899-12-30) to 1970-01-01, and the 1904 system's offset. */
const EXCEL_UNIX_EPOCH_DAYS = 25569;
const DATE_1904_DAYS = 1462;
const DAY_MS = 86_400_000;

/**
 * The rows of the first worksheet of an XLSX file. The upload is kept
 * compressed on disk until it is complete (a zip's directory is at its end;
 * Excel stores the sheet before the shared strings it needs), then only the
 * parts the report needs are unzipped, each as a stream, every byte counted:
 * the workbook and its relationships (which sheet is first, the 1904 date
 * system), the date formats of styles.xml, the shared strings (to disk,
 * SharedStrings), then the sheet, row by row. Limits: see xlsx-limits.ts.
 * Cells come as exceljs gave them (text, numbers, dates, booleans,
 * `{ formula, result }`, `{ error }`); row numbers are the sheet's own.
 */
export async function* xlsxRows(
  chunks: AsyncIterable<Buffer>,
  options: XlsxOptions = { limits: DEFAULT_XLSX_LIMITS, tempDir: tmpdir() },
): AsyncGenerator<SheetRow> {
  const disk = tempBudget(options.limits);
  const archive = await ZipArchive.receive(chunks, options.tempDir, disk);
  let strings: SharedStrings | null = null;
  try {
    const unzipped = unzippedBudget(archive.uploadBytes, options.limits);
    // What the directory declares is checked before anything is unzipped: an honest bomb is refused at once.
    unzipped.check(
      [WORKBOOK, WORKBOOK_RELS, STYLES, SHARED_STRINGS].reduce((sum, path) => sum + archive.declaredSize(path), 0),
    );
    const workbook = await workbookOf(archive, unzipped);
    const sheet = await firstSheet(archive, workbook.firstSheetId, unzipped);
    if (!sheet) throw unsupportedMediaType('the zip file holds no worksheet; send an XLSX workbook');
    unzipped.check([STYLES, SHARED_STRINGS, sheet].reduce((sum, path) => sum + archive.declaredSize(path), 0));
    const dateStyles = await dateStylesOf(xmlEvents(archive.read(STYLES, unzipped), STYLES));
    strings = new SharedStrings(options.tempDir, disk);
    await readSharedStrings(xmlEvents(archive.read(SHARED_STRINGS, unzipped), SHARED_STRINGS), strings);
    yield* sheetRows(xmlEvents(archive.read(sheet, unzipped), sheet), {
      strings,
      dateStyles,
      date1904: workbook.date1904,
    });
  } finally {
    strings?.close();
    archive.close();
  }
}

/** The attribute of a name in any namespace prefix (`r:id`), as written. */
function prefixed(attributes: Record<string, string>, local: string): string | undefined {
  for (const name in attributes) if (name === local || name.endsWith(`:${local}`)) return attributes[name];
  return undefined;
}

/** From workbook.xml: the 1904 date system, and the relationship of the first sheet (read up to it, no further). */
async function workbookOf(
  archive: ZipArchive,
  unzipped: Budget,
): Promise<{ date1904: boolean; firstSheetId: string | null }> {
  let date1904 = false;
  for await (const batch of xmlEvents(archive.read(WORKBOOK, unzipped), WORKBOOK)) {
    for (const event of batch) {
      if (event.kind !== 'open') continue;
      if (event.name === 'workbookPr') date1904 = ['1', 'true'].includes(event.attributes.date1904 ?? '');
      if (event.name === 'sheet') return { date1904, firstSheetId: prefixed(event.attributes, 'id') ?? null };
    }
  }
  return { date1904, firstSheetId: null };
}

/** The part of the first sheet, by the workbook's relationships; else the lowest-numbered worksheet part. */
async function firstSheet(archive: ZipArchive, id: string | null, unzipped: Budget): Promise<string | null> {
  if (id !== null) {
    for await (const batch of xmlEvents(archive.read(WORKBOOK_RELS, unzipped), WORKBOOK_RELS)) {
      const target = batch.find(
        (event) => event.kind === 'open' && event.name === 'Relationship' && event.attributes.Id === id,
      );
      if (target?.kind === 'open' && target.attributes.Target) {
        const path = target.attributes.Target.startsWith('/')
          ? target.attributes.Target.slice(1)
          : posix.normalize(posix.join('xl', target.attributes.Target));
        if (archive.has(path)) return path;
        break;
      }
    }
  }
  const numbered = archive.paths
    .map((path) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path))
    .filter((match) => match !== null);
  numbered.sort((a, b) => Number(a[1]) - Number(b[1]));
  return numbered[0]?.[0] ?? null;
}

function cellTooLong(part: string, where: Record<string, unknown> = {}) {
  return contentLimit(
    'cellChars',
    MAX_CELL_CHARS,
    `${part}: a cell holds more than ${MAX_CELL_CHARS} characters (Excel's own limit): 单元格内容过长`,
    { part, ...where },
  );
}

/** The shared strings, to disk: each `<si>` is its `<t>` texts joined (rich text runs; phonetic guides left out). */
async function readSharedStrings(events: AsyncIterable<XmlEvent[]>, strings: SharedStrings): Promise<void> {
  let text: string | null = null;
  let inText = false;
  let inPhonetic = false;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.kind === 'open') {
        if (event.name === 'si') text = '';
        else if (event.name === 'rPh') inPhonetic = true;
        else if (event.name === 't') inText = text !== null && !inPhonetic;
      } else if (event.kind === 'close') {
        if (event.name === 'si' && text !== null) {
          strings.add(text);
          text = null;
        } else if (event.name === 'rPh') inPhonetic = false;
        else if (event.name === 't') inText = false;
      } else if (inText && text !== null) {
        text += event.text;
        if (text.length > MAX_CELL_CHARS) throw cellTooLong(SHARED_STRINGS, { sharedString: strings.size });
      }
    }
  }
}

interface SheetContext {
  strings: SharedStrings;
  dateStyles: boolean[];
  date1904: boolean;
}

/** A cell being read: its column, format and type, and the texts of its `<v>`, `<f>` and inline `<is>`. */
interface OpenCell {
  column: number;
  style: number;
  type: string;
  value: string | null;
  formula: string | null;
  inline: string | null;
  into: 'value' | 'formula' | 'inline' | null;
  /** Inside a phonetic guide (`<rPh>`), whose text is not the cell's. */
  phonetic: boolean;
}

/** Column number of a cell reference (`AB12` → 28); null when it has none. */
export function columnOf(ref: string | undefined): number | null {
  const match = ref === undefined ? null : /^([A-Za-z]{1,3})\d*$/.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EXCEL_UNIX_EPOCH_DAYS + (date1904 ? DATE_1904_DAYS : 0)) * DAY_MS));
}

/** A cell's value from its type and text, as exceljs's reader gave it. */
function valueOf(cell: OpenCell, context: SheetContext): unknown {
  const text = cell.value;
  let value: unknown;
  switch (cell.type) {
    case 's':
      value = text === null ? null : context.strings.get(Number.parseInt(text, 10));
      break;
    case 'inlineStr':
      value = cell.inline ?? text;
      break;
    case 'str':
      value = text;
      break;
    case 'b':
      value = text === null ? null : Number.parseInt(text, 10) !== 0;
      break;
    case 'e':
      value = text === null ? null : { error: text };
      break;
    case 'd':
      // An ISO date in the cell's wall-clock time: read as UTC, like the serial dates.
      value =
        text === null
          ? null
          : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}${text.includes('T') ? '' : 'T00:00:00'}Z`);
      break;
    default: {
      if (text === null || text.trim() === '') value = null;
      else {
        const number = Number(text);
        value =
          context.dateStyles[cell.style] && Number.isFinite(number) ? excelDate(number, context.date1904) : number;
      }
    }
  }
  return cell.formula !== null ? { formula: cell.formula, result: value ?? undefined } : value;
}

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'string')
    return value.result.length;
  return 0;
}

/**
 * The sheet's rows, one at a time as `</row>` is read. Refused: rows or
 * cells out of order, a column beyond XFD, a value beyond column AMJ, a row
 * beyond 1,048,576, a cell's text over MAX_CELL_CHARS, a
 * row's text over MAX_ROW_CHARS (as a CSV row) — each with the row it is in.
 */
async function* sheetRows(events: AsyncIterable<XmlEvent[]>, context: SheetContext): AsyncGenerator<SheetRow> {
  let row: { rowNumber: number; cells: unknown[]; chars: number; lastColumn: number } | null = null;
  let cell: OpenCell | null = null;
  let lastRow = 0;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.kind === 'open') {
        switch (event.name) {
          case 'row': {
            const stated = Number(event.attributes.r);
            const rowNumber = Number.isInteger(stated) && stated > 0 ? stated : lastRow + 1;
            if (rowNumber > MAX_ROWS)
              throw contentLimit('rows', MAX_ROWS, `a row beyond ${MAX_ROWS} (Excel's last row)`, { rowNumber });
            // In order, as the format requires: a sheet then has at most MAX_ROWS rows, however it is written.
            if (rowNumber <= lastRow)
              throw badInput(`the sheet's row ${rowNumber} comes after row ${lastRow}: rows out of order`, {
                rowNumber,
              });
            row = { rowNumber, cells: [], chars: 0, lastColumn: 0 };
            lastRow = rowNumber;
            break;
          }
          case 'c':
            if (row) {
              const column = columnOf(event.attributes.r) ?? row.lastColumn + 1;
              if (column > MAX_COLUMNS)
                throw contentLimit('columns', MAX_COLUMNS, `a cell beyond column XFD (${MAX_COLUMNS})`, {
                  rowNumber: row.rowNumber,
                });
              if (column <= row.lastColumn)
                throw badInput(`row ${row.rowNumber}: cells out of order (column ${column} after ${row.lastColumn})`, {
                  rowNumber: row.rowNumber,
                });
              row.lastColumn = column;
              cell = {
                column,
                style: Number(event.attributes.s ?? 0),
                type: event.attributes.t ?? 'n',
                value: null,
                formula: null,
                inline: null,
                into: null,
                phonetic: false,
              };
            }
            break;
          case 'v':
            if (cell) [cell.into, cell.value] = ['value', cell.value ?? ''];
            break;
          case 'f':
            if (cell) [cell.into, cell.formula] = ['formula', cell.formula ?? ''];
            break;
          case 't':
            // Inline text: the `<t>` runs of `<is>` (a phonetic guide's are left out below).
            if (cell && !cell.phonetic && cell.type === 'inlineStr')
              [cell.into, cell.inline] = ['inline', cell.inline ?? ''];
            break;
          case 'rPh':
            if (cell) cell.phonetic = true;
            break;
        }
      } else if (event.kind === 'text') {
        if (!cell || !cell.into) continue;
        const text = (cell[cell.into] ?? '') + event.text;
        if (text.length > MAX_CELL_CHARS) throw cellTooLong('the sheet', { rowNumber: row?.rowNumber });
        cell[cell.into] = text;
      } else if (event.name === 'c') {
        if (row && cell) {
          const value = valueOf(cell, context);
          if (value !== null && value !== undefined) {
            if (cell.column > MAX_VALUE_COLUMNS) {
              throw contentLimit(
                'valueColumns',
                MAX_VALUE_COLUMNS,
                `row ${row.rowNumber} has a value in column ${cell.column}, beyond column AMJ (${MAX_VALUE_COLUMNS})`,
                { rowNumber: row.rowNumber },
              );
            }
            row.chars += textLength(value);
            if (row.chars > MAX_ROW_CHARS)
              throw contentLimit(
                'rowChars',
                MAX_ROW_CHARS,
                `row ${row.rowNumber} holds more than ${MAX_ROW_CHARS} characters`,
                { rowNumber: row.rowNumber },
              );
            row.cells[cell.column - 1] = value;
          }
        }
        cell = null;
      } else if (event.name === 'v' || event.name === 'f' || event.name === 't') {
        if (cell) cell.into = null;
      } else if (event.name === 'rPh') {
        if (cell) cell.phonetic = false;
      } else if (event.name === 'row' && row) {
        yield { rowNumber: row.rowNumber, cells: row.cells };
        row = null;
      }
    }
  }
}
