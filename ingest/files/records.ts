import { LIST_SEPARATORS } from '../../shared/reporting/fields';
import { cellText } from './cells';
import type { ColumnFields } from './columns';

/** One row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells by column. */
export interface SheetRow {
  rowNumber: number;
  cells: readonly unknown[];
}

/** One record as the report mutations take it: text by field, lists as arrays, the row it came from. */
export type ReportInput = { rowNumber: number } & Record<string, string | string[] | number>;

/** The header cells of a row, as text. */
export function headerCells(row: SheetRow): (string | null)[] {
  return Array.from({ length: row.cells.length }, (_, i) => cellText(row.cells[i]));
}

/** True when no cell of the row holds anything (such rows are skipped, but counted). */
export function isBlankRow(row: SheetRow): boolean {
  for (let i = 0; i < row.cells.length; i += 1) if (cellText(row.cells[i]) !== null) return false;
  return true;
}

/**
 * A data row as a record: a blank cell is left out (the field is null); a
 * list cell is split on 、；;,， into its items. Cells beyond the header, or
 * under a blank header, are not read. Null when the row has nothing to report.
 */
export function toRecord(row: SheetRow, columns: ColumnFields): ReportInput | null {
  const record: ReportInput = { rowNumber: row.rowNumber };
  let empty = true;
  for (let i = 0; i < columns.length; i += 1) {
    const field = columns[i];
    if (!field) continue;
    const text = cellText(row.cells[i], field);
    if (text === null) continue;
    if (field.list) {
      const items = text
        .split(LIST_SEPARATORS)
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0) continue;
      record[field.field] = items;
    } else {
      record[field.field] = text;
    }
    empty = false;
  }
  return empty ? null : record;
}
