import { randomUUID } from 'node:crypto';
import { CalendarDayRow, CalendarYearRow, loadWorkingDayCalendar } from '../../../shared/db/calendar';
import type { CalendarDay } from '../../../shared/domain/holiday-calendar-cn';
import { publishEvent } from '../../../shared/events/publish';
import { badUserInput } from '../../../shared/graphql/errors';
import { MAX_HOLIDAY_NOTICE_DAYS } from '../../../shared/graphql/input-limits';
import { CalendarChange } from '../entities/calendar-change';
import type { HolidayCalendarDayInput } from '../inputs/holiday-calendar-day-input';
import type { SubjectsContext } from '../loaders';
import { daysListedByOtherNotices } from '../repositories/calendar-days';
import { checkNotice, sameNotice } from '../rules/holiday-notice';
import { recomputeSubmissionDeadlines } from '../rules/recompute-deadlines';
import { HolidayCalendar, holidayCalendarView } from '../types/holiday-calendar';
import { requireDirectoryOrg } from './directory';

function dayRecord(list: CalendarDay[]): CalendarDay[] {
  return list.map(({ date, kind, name }) => ({ date, kind, name }));
}

/**
 * Loads a State Council notice in one transaction: the notice's days replace the year's, a
 * calendar_change row records who/when/what (the audit of the change), this subgraph's stored
 * deadlines are counted again, and `holiday-calendar.changed` tells sanctions and repairs to
 * count theirs. The same notice again changes nothing.
 */
export async function setHolidayCalendar(
  ctx: SubjectsContext,
  year: number,
  notice: string,
  days: HolidayCalendarDayInput[],
): Promise<HolidayCalendar> {
  const checked = checkNotice(year, notice, days.slice(0, MAX_HOLIDAY_NOTICE_DAYS + 1), Number(ctx.today.slice(0, 4)));
  await requireDirectoryOrg(ctx.em, ctx.principal, '载入节假日安排');
  return ctx.em.transactional(async (em) => {
    // Two loads at once: the second waits, then compares with what the first wrote.
    await em
      .getConnection()
      .execute('select pg_advisory_xact_lock(hashtext(?))', ['holiday-calendar'], 'all', em.getTransactionContext());
    const before = await loadWorkingDayCalendar(em);
    const previous = before.statusOf(year) === 'ANNOUNCED' ? before.year(year) : null;
    if (previous !== null && sameNotice(previous, checked)) return holidayCalendarView(previous);

    const [taken] = await daysListedByOtherNotices(
      em,
      year,
      checked.days.map((day) => day.date),
    );
    if (taken !== undefined) {
      const index = days.findIndex((day) => day.date === taken.date);
      throw badUserInput(`days[${index}].date`, `${taken.date} is already listed by the ${taken.notice_year} notice`);
    }

    await em.nativeDelete(CalendarDayRow, { noticeYear: year });
    const loadedBy = ctx.principal.sub.slice(0, 255);
    // One instant for the load: the year's loadedAt is the change record's occurredAt.
    const loadedAt = new Date();
    await em.upsert(CalendarYearRow, { year, source: checked.source, loadedAt, loadedBy });
    for (const day of checked.days) em.persist(Object.assign(new CalendarDayRow(), { ...day, noticeYear: year }));
    await em.flush();

    const after = await loadWorkingDayCalendar(em);
    const recomputed = await recomputeSubmissionDeadlines(em, after, year);
    const change = Object.assign(new CalendarChange(), {
      id: randomUUID(),
      year,
      source: checked.source,
      days: dayRecord(checked.days),
      previousSource: previous?.source ?? null,
      previousDays: previous ? dayRecord(previous.days) : null,
      recomputed,
      actorSub: loadedBy,
      actorOrg: ctx.principal.org,
      occurredAt: loadedAt,
    });
    em.persist(change);
    await publishEvent(em, 'holiday-calendar.changed', {
      changeId: change.id,
      year,
      status: 'ANNOUNCED',
      source: checked.source,
      days: dayRecord(checked.days),
    });
    await em.flush();
    const loaded = after.year(year);
    if (loaded === null) throw new Error(`the calendar does not cover ${year} after loading its notice`);
    return holidayCalendarView(loaded);
  });
}
