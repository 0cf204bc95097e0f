import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { DECISION_NUMBERS } from '../rules/decision-number';
import { formatDocumentNumber, MAX_SEQUENCE_PER_YEAR, NumberSeries } from '../rules/document-number';
import { REPORT_NUMBERS } from '../rules/report-number';

/** Each series' counter table (one row per year): fixed names, never built from input. */
const COUNTERS = new Map<NumberSeries, string>([
  [REPORT_NUMBERS, 'report_number_counter'],
  [DECISION_NUMBERS, 'decision_number_counter'],
]);

/**
 * The next number of a series in a year, taken in one statement (`insert … on conflict
 * do update … returning`: no lock held while the document is gathered and rendered).
 */
export async function takeNumber(em: EntityManager, series: NumberSeries, year: number): Promise<string> {
  const table = COUNTERS.get(series);
  if (!table) throw new Error(`no counter for the ${series.prefix} numbers`);
  const [row] = await boundQuery<{ last_sequence: number }>(
    em,
    `insert into reports.${table} (year, last_sequence) values (?, 1)
     on conflict (year) do update set last_sequence = ${table}.last_sequence + 1
     returning last_sequence`,
    [year],
  );
  if (row.last_sequence > MAX_SEQUENCE_PER_YEAR)
    throw new Error(`${series.what}s of ${year} are used up (${MAX_SEQUENCE_PER_YEAR})`);
  return formatDocumentNumber(series, year, row.last_sequence);
}

/**
 * A report's number. It is taken before the sections are gathered, so the audit rows
 * of the gathering can name it; a report refused after that leaves a gap, which those
 * audit rows explain.
 */
export function takeReportNumber(em: EntityManager, year: number): Promise<string> {
  return takeNumber(em, REPORT_NUMBERS, year);
}
