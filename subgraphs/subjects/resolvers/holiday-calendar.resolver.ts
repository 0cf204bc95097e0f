import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { boundQuery } from '../../../shared/db/bound-query';
import { CALENDAR_SCHEMA, CalendarDayRow, CalendarYearRow, loadWorkingDayCalendar } from '../../../shared/db/calendar';
import type { CalendarDay } from '../../../shared/domain/holiday-calendar-cn';
import type { CalendarYearView } from '../../../shared/domain/working-days';
import { publishEvent } from '../../../shared/events/publish';
import { badUserInput } from '../../../shared/graphql/errors';
import { MAX_HOLIDAY_NOTICE_DAYS } from '../../../shared/graphql/input-limits';
import { DateScalar } from '../../../shared/graphql/scalars';
import { CalendarChange } from '../entities/calendar-change';
import type { SubjectsContext } from '../loaders';
import { checkNotice, sameNotice } from '../rules/holiday-notice';
import { recomputeSubmissionDeadlines } from '../rules/recompute-deadlines';
import { requireDirectoryOrg } from '../services/directory';

export enum HolidayCalendarStatus {
  ANNOUNCED = 'ANNOUNCED',
  PROVISIONAL = 'PROVISIONAL',
}

export enum HolidayDayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}

registerEnumType(HolidayCalendarStatus, { name: 'HolidayCalendarStatus', description: 'ANNOUNCED: 国务院办公厅通知已载入; PROVISIONAL: 按《全国年节及纪念日放假办法》推算, 待通知' });
registerEnumType(HolidayDayKind, { name: 'HolidayDayKind', description: 'HOLIDAY 放假 / MAKEUP_WORKDAY 调休上班 (周末上班)' });

@ObjectType({ description: '节假日安排的一天' })
export class HolidayCalendarDay {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => HolidayDayKind)
  kind!: HolidayDayKind;

  @Field({ description: '节日, e.g. 春节; 补假 days read 春节（补假）' })
  name!: string;
}

@ObjectType({ description: '一年的节假日安排 (工作日计算所用): the notice when announced, the statutory days when provisional' })
export class HolidayCalendar {
  @Field(() => Int)
  year!: number;

  @Field(() => HolidayCalendarStatus)
  status!: HolidayCalendarStatus;

  @Field({ description: '依据: the notice (文号与标题), or the law the provisional days are computed from' })
  source!: string;

  @Field(() => [HolidayCalendarDay], { description: '放假与调休上班的日期 (date order); other days follow the weekday' })
  days!: HolidayCalendarDay[];
}

@InputType({ description: '通知中的一天' })
export class HolidayCalendarDayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => HolidayDayKind)
  kind!: HolidayDayKind;

  @Field({ description: '节日名称, e.g. 春节' })
  name!: string;
}

function view(year: CalendarYearView): HolidayCalendar {
  return {
    year: year.year,
    status: year.status as HolidayCalendarStatus,
    source: year.source,
    days: year.days.map((day) => ({ date: day.date, kind: day.kind as HolidayDayKind, name: day.name })),
  };
}

/**
 * The one working-day calendar (shared/db/calendar.ts): public to read, loaded by the credit
 * office. A load is one transaction: the notice's days replace the year's, a calendar_change row
 * records who/when/what (the audit of the change), this subgraph's stored deadlines are counted
 * again, and `holiday-calendar.changed` tells sanctions and repairs to count theirs.
 */
@Resolver()
export class HolidayCalendarResolver {
  @Query(() => HolidayCalendar, { nullable: true, description: '某年的节假日安排 (public); null when the calendar does not cover the year' })
  async holidayCalendar(@Ctx() ctx: SubjectsContext, @Arg('year', () => Int) year: number): Promise<HolidayCalendar | null> {
    const found = (await loadWorkingDayCalendar(ctx.em)).year(year);
    return found === null ? null : view(found);
  }

  @Query(() => [HolidayCalendar], { description: '工作日日历覆盖的各年 (public), announced and provisional, oldest first' })
  async holidayCalendars(@Ctx() ctx: SubjectsContext): Promise<HolidayCalendar[]> {
    return (await loadWorkingDayCalendar(ctx.em)).years().map(view);
  }

  @Query(() => [CalendarChange], { nullable: true, description: '节假日安排的变更记录 (区信用办, calendar:manage; newest first)' })
  @RequiresScopes([SCOPES.calendarManage])
  holidayCalendarChanges(@Ctx() ctx: SubjectsContext, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<CalendarChange[]> {
    return ctx.em.find(CalendarChange, year == null ? {} : { year }, { orderBy: { occurredAt: 'desc', id: 'asc' }, limit: 100 });
  }

  @Mutation(() => HolidayCalendar, {
    nullable: true,
    description: `载入国务院办公厅节假日安排通知 (区信用办, calendar:manage): the year becomes ANNOUNCED; deadlines stored as provisional are recomputed. The same notice again changes nothing. At most ${MAX_HOLIDAY_NOTICE_DAYS} days.`,
  })
  @RequiresScopes([SCOPES.calendarManage])
  async setHolidayCalendar(
    @Ctx() ctx: SubjectsContext,
    @Arg('year', () => Int) year: number,
    @Arg('notice', { description: '通知文号与标题, e.g. 国办发明电〔2026〕N号《国务院办公厅关于2027年部分节假日安排的通知》' }) notice: string,
    @Arg('days', () => [HolidayCalendarDayInput], { description: '放假 (every date of each range) and 调休上班 days, as the notice lists them' }) days: HolidayCalendarDayInput[],
  ): Promise<HolidayCalendar> {
    const today = ctx.today;
    const checked = checkNotice(year, notice, days.slice(0, MAX_HOLIDAY_NOTICE_DAYS + 1), Number(today.slice(0, 4)));
    await requireDirectoryOrg(ctx.em, ctx.principal, '载入节假日安排');
    return ctx.em.transactional(async (em) => {
      // Two loads at once: the second waits, then compares with what the first wrote.
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', ['holiday-calendar'], 'all', em.getTransactionContext());
      const before = await loadWorkingDayCalendar(em);
      const previous = before.statusOf(year) === 'ANNOUNCED' ? before.year(year) : null;
      if (previous !== null && sameNotice(previous, checked)) return view(previous);

      const taken = await boundQuery<{ date: string; notice_year: number }>(
        em,
        `select to_char(date, 'YYYY-MM-DD') as date, notice_year from ${CALENDAR_SCHEMA}.calendar_day
          where notice_year <> ? and date in (select jsonb_array_elements_text(?::jsonb)::date)`,
        [year, JSON.stringify(checked.days.map((day) => day.date))],
      );
      if (taken.length > 0) {
        const index = days.findIndex((day) => day.date === taken[0].date);
        throw badUserInput(`days[${index}].date`, `${taken[0].date} is already listed by the ${taken[0].notice_year} notice`);
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
      const record = (list: CalendarDay[]) => list.map(({ date, kind, name }) => ({ date, kind, name }));
      const change = Object.assign(new CalendarChange(), {
        id: randomUUID(),
        year,
        source: checked.source,
        days: record(checked.days),
        previousSource: previous?.source ?? null,
        previousDays: previous ? record(previous.days) : null,
        recomputed,
        actorSub: loadedBy,
        actorOrg: ctx.principal.org,
        occurredAt: loadedAt,
      });
      em.persist(change);
      await publishEvent(em, 'holiday-calendar.changed', { changeId: change.id, year, status: 'ANNOUNCED', source: checked.source, days: record(checked.days) });
      await em.flush();
      return view(after.year(year) as CalendarYearView);
    });
  }
}
