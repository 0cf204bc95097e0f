import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CalendarDayKind } from '../../../shared/domain/holiday-calendar-cn';

/** 节假日安排: the years the working-day calendar covers, each with the notice it follows. */
@Entity({ tableName: 'calendar_year' })
export class CalendarYearRow {
  @PrimaryKey({ autoincrement: false })
  year!: number;

  @Property({ type: 'text' })
  source!: string;
}

/** A holiday (放假) or a make-up workday (调休上班); other days follow the weekday. */
@Entity({ tableName: 'calendar_day' })
export class CalendarDayRow {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: CalendarDayKind;

  @Property()
  name!: string;
}
