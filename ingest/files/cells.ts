import type { ReportField } from '../../shared/reporting/fields';

/** Days from Excel's epoch (1899-12-30, the 1900 leap-year bug included) to 1970-01-01. */
const EXCEL_UNIX_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;
/** Largest serial Excel shows as a date (9999-12-31). */
const MAX_DATE_SERIAL = 2_958_465;

/** A date field of the templates (their hint starts with the format). */
function isDateField(field: ReportField | undefined): boolean {
  return field?.hint?.startsWith('YYYY-MM-DD') ?? false;
}

/**
 * Excel shows at most 15 significant digits and never an exponent for the
 * amounts a report holds: 0.1+0.2 reads 0.3, 1e-7 reads 0.0000001.
 */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toPrecision(15)));
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponentText] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return (
    sign +
    (digits.length > exponent + 1
      ? `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`
      : digits.padEnd(exponent + 1, '0'))
  );
}

/**
 * exceljs gives a date cell as the instant whose UTC reading is the wall-clock
 * value in the cell, so the UTC fields are what the person sees, whatever the
 * server's time zone. A date field takes the calendar date alone.
 */
function dateText(value: Date, field: ReportField | undefined): string | null {
  if (Number.isNaN(value.getTime())) return null;
  const iso = value.toISOString();
  const date = iso.slice(0, 10);
  if (isDateField(field) || iso.slice(11, 19) === '00:00:00') return date;
  return `${date} ${iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19)}`;
}

function excelSerialDate(serial: number): string {
  return new Date((Math.floor(serial) - EXCEL_UNIX_EPOCH_DAYS) * DAY_MS).toISOString().slice(0, 10);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The text a person sees in a cell: a CSV cell as it is; from XLSX, a number
 * in plain decimals, a date as YYYY-MM-DD, rich text joined, a formula's
 * result, a link's text. A number in a date field whose date format was not
 * known when the sheet was read is taken as Excel's day serial. Blank → null.
 */
export function cellText(value: unknown, field?: ReportField): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number') {
    if (isDateField(field) && value >= 1 && value <= MAX_DATE_SERIAL) return excelSerialDate(value);
    return plainDecimal(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, field);
  if (!isObject(value)) return cellText(String(value), field);
  if (Array.isArray(value.richText)) {
    return cellText(
      value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join(''),
      field,
    );
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, field);
  if ('error' in value) return cellText(value.error, field);
  if ('text' in value) return cellText(value.text, field);
  return null;
}
