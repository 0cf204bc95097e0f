import { boundQuery } from '../../../shared/db/bound-query';
import { noticeWindow } from '../../../shared/db/calendar';
import type { EntityManager } from '../../../shared/db/orm';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../../shared/domain/working-days';
import { SCHEMA } from '../config';

interface StoredDeadline {
  id: string;
  notified_at: string;
  objection_deadline: string | null;
  provisional: boolean;
  days: number;
}

/**
 * 异议期截止日 again, after the calendar changed for `year`: every notified entry whose deadline
 * was provisional, or whose objection period touches the notice's dates, is counted again with
 * `calendar`; only rows whose answer differs are written, so applying it twice changes nothing.
 * Returns how many entries changed.
 */
export async function recomputeObjectionDeadlines(em: EntityManager, calendar: WorkingDayCalendar, year: number): Promise<number> {
  const window = noticeWindow(year);
  const rows = await boundQuery<StoredDeadline>(
    em,
    `select e.id, to_char(e.notified_at, 'YYYY-MM-DD') as notified_at, to_char(e.objection_deadline, 'YYYY-MM-DD') as objection_deadline,
            e.objection_deadline_provisional as provisional, r.objection_working_days as days
       from ${SCHEMA}.list_entry e join ${SCHEMA}.list_rule r on r.list = e.list
      where e.notified_at is not null
        and (e.objection_deadline_provisional or e.objection_deadline is null or (e.notified_at <= ? and e.objection_deadline >= ?))
      order by e.id
        for update of e`,
    [window.to, window.from],
  );
  const changed: { id: string; deadline: string; provisional: boolean }[] = [];
  for (const row of rows) {
    try {
      const deadline = calendar.deadline(row.notified_at, row.days);
      if (deadline.date !== row.objection_deadline || deadline.provisional !== row.provisional) {
        changed.push({ id: row.id, deadline: deadline.date, provisional: deadline.provisional });
      }
    } catch (error) {
      // Still beyond the calendar: the stored answer stays until a later notice covers it.
      if (!(error instanceof CalendarNotCoveredError)) throw error;
    }
  }
  if (changed.length > 0) {
    await boundQuery(
      em,
      `update ${SCHEMA}.list_entry e set objection_deadline = c.deadline, objection_deadline_provisional = c.provisional
         from jsonb_to_recordset(?::jsonb) as c(id uuid, deadline date, provisional boolean) where e.id = c.id`,
      [JSON.stringify(changed)],
    );
  }
  return changed.length;
}
