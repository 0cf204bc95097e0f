import { MAX_CSV_ROW_CHARS } from './csv-rows';
import { IngestError } from './errors';

/** What one XLSX upload may cost once unzipped (configurable, see README "Reporting by file"). */
export interface XlsxLimits {
  /** Largest total of the parts read, unzipped (INGEST_XLSX_MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes: number;
  /** Largest ratio of that total to the size of the upload (INGEST_XLSX_MAX_RATIO). */
  maxRatio: number;
  /** Temporary disk of one upload: the file as uploaded plus its shared strings (INGEST_XLSX_MAX_TEMP_BYTES). */
  maxTempBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxRatio: 100,
  maxTempBytes: 1024 * 1024 * 1024,
};

/** Excel's own limit on one cell's text. */
export const MAX_CELL_CHARS = 32_767;
/** One row's text, as CSV's limit on a row. */
export const MAX_ROW_CHARS = MAX_CSV_ROW_CHARS;
/** Excel's grid: XFD and row 1,048,576. */
export const MAX_COLUMNS = 16_384;
/**
 * The last column a value may be in (AMJ): a template has fewer than 40, and a
 * row is kept as an array up to its last value, so a value in column XFD on
 * every row would cost 16,384 slots a row. Empty cells beyond it (formatting
 * only) are passed over.
 */
export const MAX_VALUE_COLUMNS = 1_024;
export const MAX_ROWS = 1_048_576;
/** Element nesting of any part: a worksheet needs 6 levels (worksheet, sheetData, row, c, is, r, t). */
export const MAX_XML_DEPTH = 32;
/**
 * Characters the XML parser may hold between two events (one text, one tag
 * with its attributes, one comment or CDATA section): above a whole cell
 * written with an entity for every character.
 */
export const MAX_MARKUP_CHARS = 1_000_000;
/** Entries in the zip's central directory (a workbook has a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Cell formats (Excel allows about 64,000) and number formats kept from styles.xml. */
export const MAX_CELL_FORMATS = 65_536;

/** A file over a size limit: 413, naming the limit and its value. */
export function sizeLimit(limit: string, max: number, message: string): IngestError {
  return new IngestError(413, 'PAYLOAD_TOO_LARGE', message, { limit, max });
}

/** A file whose content breaks a structural limit: 400, naming the limit, its value and where. */
export function contentLimit(
  limit: string,
  max: number,
  message: string,
  where: Record<string, unknown> = {},
): IngestError {
  return new IngestError(400, 'BAD_USER_INPUT', message, { limit, max, ...where });
}

/** Bytes that may be unzipped for an upload of `uploadBytes`: the absolute cap, or the ratio to the upload if lower. */
export function unzippedAllowance(uploadBytes: number, limits: XlsxLimits): number {
  return Math.min(limits.maxUnzippedBytes, uploadBytes * limits.maxRatio);
}

/**
 * A running total against a cap, refused the moment it would pass it: the
 * bytes unzipped (checked as they come out of the inflater, and first against
 * what the zip declares), or the bytes written to temporary files.
 */
export class Budget {
  private used = 0;

  constructor(
    readonly max: number,
    private readonly refuse: (max: number) => IngestError,
  ) {}

  get spent(): number {
    return this.used;
  }

  take(bytes: number): void {
    if (this.used + bytes > this.max) throw this.refuse(this.max);
    this.used += bytes;
  }

  /** Would `bytes` more fit? (Declared sizes, checked before anything is unzipped.) */
  check(bytes: number): void {
    if (this.used + bytes > this.max) throw this.refuse(this.max);
  }
}

export function unzippedBudget(uploadBytes: number, limits: XlsxLimits): Budget {
  const max = unzippedAllowance(uploadBytes, limits);
  const byRatio = max < limits.maxUnzippedBytes;
  return new Budget(max, (cap) =>
    sizeLimit(
      byRatio ? 'unzippedRatio' : 'unzippedBytes',
      byRatio ? limits.maxRatio : cap,
      byRatio
        ? `the XLSX file unzips to more than ${limits.maxRatio} times its size (INGEST_XLSX_MAX_RATIO): 文件解压后过大`
        : `the XLSX file unzips to more than ${cap} bytes (INGEST_XLSX_MAX_UNZIPPED_BYTES): 文件解压后过大`,
    ),
  );
}

export function tempBudget(limits: XlsxLimits): Budget {
  return new Budget(limits.maxTempBytes, (cap) =>
    sizeLimit(
      'tempBytes',
      cap,
      `the XLSX file needs more than ${cap} bytes of temporary disk (INGEST_XLSX_MAX_TEMP_BYTES): 文件过大`,
    ),
  );
}
