import type { RawReport, ReportField } from '../../../shared/reporting/fields';
import { LIST_SEPARATORS } from '../../../shared/reporting/fields';
import { FieldProblem, problem } from './report-problems';

const ISO_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
/** 万元 with at most 4 decimals (the column's scale), below 10^10. */
const AMOUNT = /^\d{1,10}(\.\d{1,4})?$/;

/** A real calendar date as 'YYYY-MM-DD', from the spellings spreadsheets use (2026-3-5, 2026/03/05, 2026年3月5日). */
export function parseDate(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads the fields of one raw record, collecting every problem instead of
 * stopping at the first: a department gets all its corrections at once.
 */
export class FieldReader {
  readonly problems: FieldProblem[] = [];
  private readonly fields: ReadonlyMap<string, ReportField>;

  constructor(
    private readonly raw: RawReport,
    fields: readonly ReportField[],
  ) {
    this.fields = new Map(fields.map((f) => [f.field, f]));
  }

  private spec(field: string): ReportField {
    const spec = this.fields.get(field);
    if (!spec) throw new Error(`no report field ${field}`);
    return spec;
  }

  /** Trimmed text; null when empty. Checks presence when the field is required, and length. */
  text(field: string, required = this.spec(field).required): string | null {
    const spec = this.spec(field);
    const value = this.raw[field];
    const text = (Array.isArray(value) ? value.join('；') : (value ?? '')).trim();
    if (text === '') {
      if (required) this.problems.push(problem(field, 'REQUIRED', `${spec.header}为必填项`));
      return null;
    }
    if (text.length > spec.maxLength) {
      this.problems.push(problem(field, 'TOO_LONG', `${spec.header}超过${spec.maxLength}个字符`));
      return null;
    }
    return text;
  }

  /** A list field: an array as sent, or one text split on the list separators. */
  list(field: string): string[] | null {
    const spec = this.spec(field);
    const value = this.raw[field];
    const items = (Array.isArray(value) ? value : (value ?? '').split(LIST_SEPARATORS))
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length === 0) {
      if (spec.required) this.problems.push(problem(field, 'REQUIRED', `${spec.header}为必填项`));
      return null;
    }
    if (items.join('；').length > spec.maxLength) {
      this.problems.push(problem(field, 'TOO_LONG', `${spec.header}超过${spec.maxLength}个字符`));
      return null;
    }
    return items;
  }

  date(field: string, required?: boolean): string | null {
    const text = this.text(field, required);
    if (text === null) return null;
    const date = parseDate(text);
    if (date === null)
      this.problems.push(
        problem(field, 'INVALID_FORMAT', `${this.spec(field).header}不是有效日期 (YYYY-MM-DD): ${text}`),
      );
    return date;
  }

  /** One of a closed set of values; `choices` maps every accepted spelling to its value. */
  choice<T>(field: string, choices: ReadonlyMap<string, T>, required?: boolean): T | null {
    const text = this.text(field, required);
    if (text === null) return null;
    const value = choices.get(text) ?? choices.get(text.toUpperCase());
    if (value === undefined) {
      this.problems.push(
        problem(
          field,
          'INVALID_VALUE',
          `${this.spec(field).header}应为 ${[...new Set(choices.keys())].filter((k) => /[^\x00-\x7f]/.test(k)).join(' / ')} 之一: ${text}`,
        ),
      );
      return null;
    }
    return value;
  }

  /** An amount in 万元: non-negative, at most 4 decimals. */
  amount(field: string): number | null {
    const text = this.text(field);
    if (text === null) return null;
    const plain = text.replace(/[,，]/g, '');
    if (!AMOUNT.test(plain)) {
      this.problems.push(
        problem(field, 'INVALID_FORMAT', `${this.spec(field).header}应为不小于0、最多4位小数的数值 (万元): ${text}`),
      );
      return null;
    }
    return Number(plain);
  }

  /** The trimmed text as sent, unchecked (to decide which rule applies before reading it). */
  peek(field: string): string {
    const value = this.raw[field];
    return (Array.isArray(value) ? value.join('；') : (value ?? '')).trim();
  }

  /** Nothing was sent for the field. */
  isBlank(field: string): boolean {
    const value = this.raw[field];
    return Array.isArray(value) ? value.length === 0 : (value ?? '').trim() === '';
  }

  add(field: string, code: FieldProblem['code'], message: string): void {
    this.problems.push(problem(field, code, message));
  }

  header(field: string): string {
    return this.spec(field).header;
  }
}

/** Every accepted spelling of each value: the Chinese term and the GraphQL enum name. */
export function spellings<T extends string>(
  pairs: readonly (readonly [T, readonly string[]])[],
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, terms] of pairs) {
    map.set(value, value);
    for (const term of terms) map.set(term, value);
  }
  return map;
}

/**
 * “其他-<text>” as the 双公示 standard writes a value outside a closed set
 * (许可类别 其他-备案, 处罚类别 其他-…): the text, when it is there and at most
 * `max` characters; null otherwise. -, －, —, : and ： are accepted as the dash.
 */
export function otherValue(text: string, max: number): string | null {
  const match = /^其他\s*[-－—:：]\s*(.+)$/.exec(text.trim());
  if (!match) return null;
  const detail = match[1].trim();
  return detail.length > 0 && detail.length <= max ? detail : null;
}
