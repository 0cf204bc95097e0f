import { noticeWindow } from '../../../shared/db/calendar';
import type { EntityManager } from '../../../shared/db/orm';
import { recomputeStoredDeadlines, runOn } from '../../../shared/db/recompute-deadlines';
import { deadlineIfCovered, WorkingDayCalendar } from '../../../shared/domain/working-days';
import { SCHEMA } from '../config';

interface StoredDeadline {
  id: string;
  notified_at: string;
  objection_deadline: string | null;
  provisional: boolean;
  days: number;
}

/**
 * 异议期截止日 again, after the calendar changed for `year`: every entry still in its objection period (NOTIFIED, OBJECTED: a published or removed entry keeps the deadline it was judged by) whose deadline
 * was provisional, or whose objection period touches the notice's dates, is counted again with
 * `calendar`; only rows whose answer differs are written, so applying it twice changes nothing.
 * Returns how many entries changed.
 */
export async function recomputeObjectionDeadlines(
  em: EntityManager,
  calendar: WorkingDayCalendar,
  year: number,
): Promise<number> {
  const window = noticeWindow(year);
  return recomputeStoredDeadlines(runOn(em), {
    select: {
      sql: `select e.id, to_char(e.notified_at, 'YYYY-MM-DD') as notified_at, to_char(e.objection_deadline, 'YYYY-MM-DD') as objection_deadline,
            e.objection_deadline_provisional as provisional, r.objection_working_days as days
       from ${SCHEMA}.list_entry e join ${SCHEMA}.list_rule r on r.list = e.list
      where e.notified_at is not null and e.status in ('NOTIFIED', 'OBJECTED')
        and (e.objection_deadline_provisional or e.objection_deadline is null or (e.notified_at <= ? and e.objection_deadline >= ?))
      order by e.id
        for update of e`,
      params: [window.to, window.from],
    },
    recount: (row: StoredDeadline) => {
      const deadline = deadlineIfCovered(calendar, row.notified_at, row.days);
      if (deadline === null || (deadline.date === row.objection_deadline && deadline.provisional === row.provisional))
        return null;
      return { id: row.id, deadline: deadline.date, provisional: deadline.provisional };
    },
    update: `update ${SCHEMA}.list_entry e set objection_deadline = c.deadline, objection_deadline_provisional = c.provisional
         from jsonb_to_recordset(?::jsonb) as c(id uuid, deadline date, provisional boolean) where e.id = c.id`,
  });
}
