import { boundQuery } from '../../../shared/db/bound-query';
import { CALENDAR_SCHEMA } from '../../../shared/db/calendar';
import type { EntityManager } from '../../../shared/db/orm';

/** A day another year's notice already lists. */
export interface ListedDay {
  date: string;
  notice_year: number;
}

/** Which of these dates the notice of another year than `year` already lists. */
export function daysListedByOtherNotices(em: EntityManager, year: number, dates: string[]): Promise<ListedDay[]> {
  return boundQuery<ListedDay>(
    em,
    `select to_char(date, 'YYYY-MM-DD') as date, notice_year from ${CALENDAR_SCHEMA}.calendar_day
      where notice_year <> ? and date in (select jsonb_array_elements_text(?::jsonb)::date)`,
    [year, JSON.stringify(dates)],
  );
}
