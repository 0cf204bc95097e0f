import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { formatReportNumber, MAX_SEQUENCE_PER_YEAR } from '../rules/report-number';

/**
 * The next number of a year, taken in one statement (no lock held while the
 * report is gathered and rendered). A number is taken before the sections are
 * gathered, so the audit rows of the gathering can name it; a report refused
 * after that leaves a gap, which those audit rows explain.
 */
export async function takeReportNumber(em: EntityManager, year: number): Promise<string> {
  const [row] = await boundQuery<{ last_sequence: number }>(
    em,
    `insert into reports.report_number_counter (year, last_sequence) values (?, 1)
     on conflict (year) do update set last_sequence = report_number_counter.last_sequence + 1
     returning last_sequence`,
    [year],
  );
  if (row.last_sequence > MAX_SEQUENCE_PER_YEAR)
    throw new Error(`report numbers of ${year} are used up (${MAX_SEQUENCE_PER_YEAR})`);
  return formatReportNumber(year, row.last_sequence);
}
