import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CalendarDayKind } from '../../../shared/domain/holiday-calendar-cn';
import type { CalendarYearStatus, CalendarYearView } from '../../../shared/domain/working-days';
import { DateScalar } from '../../../shared/graphql/scalars';

export enum HolidayCalendarStatus {
  ANNOUNCED = 'ANNOUNCED',
  PROVISIONAL = 'PROVISIONAL',
}

export enum HolidayDayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}

registerEnumType(HolidayCalendarStatus, {
  name: 'HolidayCalendarStatus',
  description: 'ANNOUNCED: 国务院办公厅通知已载入; PROVISIONAL: 按《全国年节及纪念日放假办法》推算, 待通知',
});
registerEnumType(HolidayDayKind, {
  name: 'HolidayDayKind',
  description: 'HOLIDAY 放假 / MAKEUP_WORKDAY 调休上班 (周末上班)',
});

@ObjectType({ description: '节假日安排的一天' })
export class HolidayCalendarDay {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => HolidayDayKind)
  kind!: HolidayDayKind;

  @Field({ description: '节日, e.g. 春节; 补假 days read 春节（补假）' })
  name!: string;
}

@ObjectType({
  description: '一年的节假日安排 (工作日计算所用): the notice when announced, the statutory days when provisional',
})
export class HolidayCalendar {
  @Field(() => Int)
  year!: number;

  @Field(() => HolidayCalendarStatus)
  status!: HolidayCalendarStatus;

  @Field({ description: '依据: the notice (文号与标题), or the law the provisional days are computed from' })
  source!: string;

  @Field(() => [HolidayCalendarDay], {
    description: '放假与调休上班的日期 (date order); other days follow the weekday',
  })
  days!: HolidayCalendarDay[];
}

const STATUS: Record<CalendarYearStatus, HolidayCalendarStatus> = {
  ANNOUNCED: HolidayCalendarStatus.ANNOUNCED,
  PROVISIONAL: HolidayCalendarStatus.PROVISIONAL,
};
const DAY_KIND: Record<CalendarDayKind, HolidayDayKind> = {
  HOLIDAY: HolidayDayKind.HOLIDAY,
  MAKEUP_WORKDAY: HolidayDayKind.MAKEUP_WORKDAY,
};

/** A year of the working-day calendar as GraphQL shows it. */
export function holidayCalendarView(year: CalendarYearView): HolidayCalendar {
  return {
    year: year.year,
    status: STATUS[year.status],
    source: year.source,
    days: year.days.map((day) => ({ date: day.date, kind: DAY_KIND[day.kind], name: day.name })),
  };
}
