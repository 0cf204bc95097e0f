import { noticeWindow } from '../../../shared/db/calendar';
import type { EntityManager } from '../../../shared/db/orm';
import { recomputeStoredDeadlines, runOn } from '../../../shared/db/recompute-deadlines';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import { SCHEMA } from '../config';
import { reportingDeadline } from './reporting-deadline';

interface StoredDue {
  id: string;
  decided_at: string;
  due_on: string | null;
  provisional: boolean;
  days: number;
}

/**
 * 报送时限 (submission.due_on) again, after the calendar changed for `year`: the submissions of
 * working-day rules whose deadline was provisional, missing, or counted over the notice's dates.
 * Run in setHolidayCalendar's own transaction (subjects owns both the calendar and the
 * submissions); only rows whose answer differs are written. Returns how many changed.
 */
export async function recomputeSubmissionDeadlines(
  em: EntityManager,
  calendar: WorkingDayCalendar,
  year: number,
): Promise<number> {
  const window = noticeWindow(year);
  return recomputeStoredDeadlines(runOn(em), {
    select: {
      sql: `select s.id, to_char(s.decided_at, 'YYYY-MM-DD') as decided_at, to_char(s.due_on, 'YYYY-MM-DD') as due_on, s.due_on_provisional as provisional, r.days
       from ${SCHEMA}.submission s join ${SCHEMA}.reporting_rule r on r.kind = s.kind
      where r.day_unit = 'WORKING' and s.decided_at is not null
        and (s.due_on_provisional or s.due_on is null or (s.decided_at <= ? and s.due_on >= ?))
      order by s.id
        for update of s`,
      params: [window.to, window.from],
    },
    recount: (row: StoredDue) => {
      // Unlike the other subgraphs, a deadline beyond the calendar is stored as null (reportingDeadline's rule).
      const deadline = reportingDeadline({ days: row.days, dayUnit: 'WORKING' }, row.decided_at, calendar);
      const due = deadline?.date ?? null;
      const provisional = deadline?.provisional ?? false;
      return due === row.due_on && provisional === row.provisional ? null : { id: row.id, due, provisional };
    },
    update: `update ${SCHEMA}.submission s set due_on = c.due, due_on_provisional = c.provisional
         from jsonb_to_recordset(?::jsonb) as c(id uuid, due date, provisional boolean) where s.id = c.id`,
  });
}
