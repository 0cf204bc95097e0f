import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { MAX_HOLIDAY_NOTICE_DAYS } from '../../../shared/graphql/input-limits';
import { CalendarChange } from '../entities/calendar-change';
import { HolidayCalendarDayInput } from '../inputs/holiday-calendar-day-input';
import type { SubjectsContext } from '../loaders';
import { setHolidayCalendar } from '../services/holiday-calendar';
import { HolidayCalendar, holidayCalendarView } from '../types/holiday-calendar';

/** The one working-day calendar (shared/db/calendar.ts): public to read, loaded by the credit office (services/holiday-calendar.ts). */
@Resolver()
export class HolidayCalendarResolver {
  @Query(() => HolidayCalendar, {
    nullable: true,
    description: '某年的节假日安排 (public); null when the calendar does not cover the year',
  })
  async holidayCalendar(
    @Ctx() ctx: SubjectsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<HolidayCalendar | null> {
    const found = (await loadWorkingDayCalendar(ctx.em)).year(year);
    return found === null ? null : holidayCalendarView(found);
  }

  @Query(() => [HolidayCalendar], {
    description: '工作日日历覆盖的各年 (public), announced and provisional, oldest first',
  })
  async holidayCalendars(@Ctx() ctx: SubjectsContext): Promise<HolidayCalendar[]> {
    return (await loadWorkingDayCalendar(ctx.em)).years().map(holidayCalendarView);
  }

  @Query(() => [CalendarChange], {
    nullable: true,
    description: '节假日安排的变更记录 (区信用办, calendar:manage; newest first)',
  })
  @RequiresScopes([SCOPES.calendarManage])
  holidayCalendarChanges(
    @Ctx() ctx: SubjectsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<CalendarChange[]> {
    return ctx.em.find(CalendarChange, year == null ? {} : { year }, {
      orderBy: { occurredAt: 'desc', id: 'asc' },
      limit: 100,
    });
  }

  @Mutation(() => HolidayCalendar, {
    nullable: true,
    description: `载入国务院办公厅节假日安排通知 (区信用办, calendar:manage): the year becomes ANNOUNCED; deadlines stored as provisional are recomputed. The same notice again changes nothing. At most ${MAX_HOLIDAY_NOTICE_DAYS} days.`,
  })
  @RequiresScopes([SCOPES.calendarManage])
  setHolidayCalendar(
    @Ctx() ctx: SubjectsContext,
    @Arg('year', () => Int) year: number,
    @Arg('notice', {
      description: '通知文号与标题, e.g. 国办发明电〔2026〕N号《国务院办公厅关于2027年部分节假日安排的通知》',
    })
    notice: string,
    @Arg('days', () => [HolidayCalendarDayInput], {
      description: '放假 (every date of each range) and 调休上班 days, as the notice lists them',
    })
    days: HolidayCalendarDayInput[],
  ): Promise<HolidayCalendar> {
    return setHolidayCalendar(ctx, year, notice, days);
  }
}
