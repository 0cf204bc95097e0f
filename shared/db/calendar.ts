import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from './orm';
import { CN_HOLIDAY_CALENDAR, CalendarDayKind } from '../domain/holiday-calendar-cn';
import { WorkingDayCalendar } from '../domain/working-days';

/**
 * The working-day calendar as reference data. Each subgraph that counts working
 * days keeps these two tables in its own schema, filled from the State Council
 * notices (shared/domain/holiday-calendar-cn.ts) by a migration; an administrator
 * extends them each year.
 */

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

/** The calendar as the tables hold it now. */
export async function loadWorkingDayCalendar(em: EntityManager): Promise<WorkingDayCalendar> {
  const [years, days] = await Promise.all([em.find(CalendarYearRow, {}), em.find(CalendarDayRow, {})]);
  return WorkingDayCalendar.fromRows(days, years.map((y) => y.year));
}

interface InsertBuilder {
  insert(row: Record<string, unknown>): { into(table: string): { withSchema(schema: string): { toQuery(): string } } };
}

/** INSERT statements of the default calendar (2022–2026 notices), for a migration of `schema`. */
export function defaultCalendarSql(knex: InsertBuilder, schema: string): string[] {
  return CN_HOLIDAY_CALENDAR.flatMap((year) => [
    knex.insert({ year: year.year, source: year.source }).into('calendar_year').withSchema(schema).toQuery(),
    ...year.days.map((day) => knex.insert({ ...day }).into('calendar_day').withSchema(schema).toQuery()),
  ]);
}
