import { REPORT_FIELDS, ReportField, ReportKind } from '../../shared/reporting/fields';
import { badInput } from './errors';

/**
 * How headers compare: NFKC folds full-width brackets, asterisks and spaces to
 * half-width; whitespace anywhere and the `*` marking a required column are
 * dropped. `罚款金额(万元) ` and `罚款金额（万元）*` are the same column.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '');
}

/** The header as the templates write it: a required column ends with `*`. */
export function templateHeader(field: ReportField): string {
  return field.required ? `${field.header}*` : field.header;
}

/** The field of each column of the file, by position; null for a column without a header. */
export type ColumnFields = (ReportField | null)[];

/** A template: the kind of file it is for and its columns, in order. */
export interface ColumnTemplate {
  name: string;
  fields: readonly ReportField[];
}

/** Matches a file's header row to the fields of a 双公示 kind (see matchTemplate). */
export function matchColumns(kind: ReportKind, headers: readonly (string | null)[]): ColumnFields {
  return matchTemplate({ name: kind, fields: REPORT_FIELDS[kind] }, headers);
}

/**
 * Matches a file's header row to the fields of a template. Every required column
 * must be there; an optional one may be left out. A header that names no
 * field is refused rather than ignored, so a misspelt optional column does not
 * silently drop its data; so is a column given twice.
 */
export function matchTemplate(template: ColumnTemplate, headers: readonly (string | null)[]): ColumnFields {
  const { name: kind, fields } = template;
  const byKey = new Map(fields.map((field) => [headerKey(field.header), field]));
  const seen = new Set<ReportField>();
  const unknownColumns: string[] = [];
  const duplicateColumns: string[] = [];
  const columns = headers.map((header) => {
    if (header === null || headerKey(header) === '') return null;
    const field = byKey.get(headerKey(header));
    if (!field) unknownColumns.push(header);
    else if (seen.has(field)) duplicateColumns.push(header);
    else seen.add(field);
    return field ?? null;
  });
  const missingColumns = fields.filter((field) => field.required && !seen.has(field)).map(templateHeader);
  if (missingColumns.length + unknownColumns.length + duplicateColumns.length === 0) return columns;
  const problems = [
    missingColumns.length ? `缺少必填列 missing: ${missingColumns.join('、')}` : '',
    unknownColumns.length ? `无法识别的列 unknown: ${unknownColumns.join('、')}` : '',
    duplicateColumns.length ? `重复的列 duplicate: ${duplicateColumns.join('、')}` : '',
  ].filter(Boolean);
  throw badInput(`表头与模板不符 (the header row does not match the ${kind} template): ${problems.join('; ')}`, {
    missingColumns,
    unknownColumns,
    duplicateColumns,
    expectedColumns: fields.map(templateHeader),
  });
}

/** The column header of a field, for naming it beside a problem; null for a name that is no field of the kind. */
export function columnOf(kind: ReportKind, field: string): string | null {
  return templateColumnOf(REPORT_FIELDS[kind], field);
}

export function templateColumnOf(fields: readonly ReportField[], field: string): string | null {
  return fields.find((f) => f.field === field)?.header ?? null;
}
