import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CalendarDayKind, CN_HOLIDAY_CALENDAR } from '../domain/holiday-calendar-cn';
import { WorkingDayCalendar } from '../domain/working-days';
import { boundQuery } from './bound-query';
import type { EntityManager } from './orm';

/**
 * The working-day calendar as reference data: ONE copy, in the subjects schema
 * (`subjects.calendar_year`, `subjects.calendar_day`), written only by the
 * subjects subgraph (`setHolidayCalendar`, 区信用办) and read by every subgraph
 * through `loadWorkingDayCalendar` below — the "one shared reference schema" of
 * issue 13. Why a read of the owner's table and not a copy kept from events: a
 * subgraph must know the calendar at its first request, before any event, and a
 * copy is what made the calendar three calendars. The read is the one place SQL
 * crosses a schema (docs/rules/calendar.md); it is read-only, per request (so
 * every replica sees a loaded notice at once), and `holiday-calendar.changed`
 * tells the other subgraphs to recompute the deadlines they stored.
 *
 * Only ANNOUNCED years (State Council notices) are rows; PROVISIONAL years are
 * computed from the law by WorkingDayCalendar, so nothing derived is stored.
 */
export const CALENDAR_SCHEMA = 'subjects';

/** 节假日安排: the years whose State Council notice is loaded, each with the notice. */
@Entity({ tableName: 'calendar_year' })
export class CalendarYearRow {
  @PrimaryKey({ autoincrement: false })
  year!: number;

  @Property({ type: 'text' })
  source!: string;

  /** When and by whom the notice was loaded; null for the notices shipped with the migrations. */
  @Property({ type: 'datetime', nullable: true })
  loadedAt!: Date | null;

  @Property({ nullable: true })
  loadedBy!: string | null;
}

/** A holiday (放假) or a make-up workday (调休上班) of one notice; other days follow the weekday. */
@Entity({ tableName: 'calendar_day' })
@Index({ properties: ['noticeYear'] })
export class CalendarDayRow {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: CalendarDayKind;

  @Property()
  name!: string;

  /** The notice that announced the day (2023's notice names 2022-12-31): replacing a notice replaces its days. */
  @Property({ type: 'integer' })
  noticeYear!: number;
}

/** The calendar as the reference tables hold it now, read from any subgraph. */
export async function loadWorkingDayCalendar(em: EntityManager): Promise<WorkingDayCalendar> {
  const [years, days] = await Promise.all([
    boundQuery<{ year: number; source: string }>(
      em,
      `select year, source from ${CALENDAR_SCHEMA}.calendar_year order by year`,
      [],
    ),
    boundQuery<{ date: string; kind: CalendarDayKind; name: string; notice_year: number }>(
      em,
      `select to_char(date, 'YYYY-MM-DD') as date, kind, name, notice_year from ${CALENDAR_SCHEMA}.calendar_day order by date`,
      [],
    ),
  ]);
  return WorkingDayCalendar.fromRows(
    days.map((day) => ({ date: day.date, kind: day.kind, name: day.name, noticeYear: day.notice_year })),
    years,
  );
}

/**
 * The calendar shipped with the code (the 2022–2026 notices, later years provisional): what the
 * migrations seeded. Demo seeding uses it because the subgraphs start in parallel and the
 * reference tables may not exist yet when another subgraph seeds.
 */
export function shippedWorkingDayCalendar(): WorkingDayCalendar {
  return new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);
}

interface InsertBuilder {
  insert(row: Record<string, unknown>): { into(table: string): { withSchema(schema: string): { toQuery(): string } } };
}

/**
 * INSERT statements of the default calendar (2022–2026 notices), for a migration of `schema`.
 * Kept for the committed migrations that seeded the (since dropped) copies; new code reads the reference.
 */
export function defaultCalendarSql(knex: InsertBuilder, schema: string): string[] {
  return CN_HOLIDAY_CALENDAR.flatMap((year) => [
    knex.insert({ year: year.year, source: year.source }).into('calendar_year').withSchema(schema).toQuery(),
    ...year.days.map((day) =>
      knex
        .insert({ ...day })
        .into('calendar_day')
        .withSchema(schema)
        .toQuery(),
    ),
  ]);
}

/**
 * The dates a notice of `year` can change (it may name the December before, and the consumers
 * allow the January after): a stored deadline whose counting overlaps them is recomputed.
 */
export function noticeWindow(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-01`, to: `${year + 1}-01-31` };
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Drops the copy of the calendar a subgraph kept in its own schema (issue 13: one calendar).
 * Nothing is lost silently: when the copy holds a year or a day that is not in the shipped
 * notices (an administrator added one by SQL), the migration stops and says where it goes.
 */
export function dropCalendarCopySql(schema: string): string[] {
  const years = CN_HOLIDAY_CALENDAR.map((y) => `(${y.year}, ${literal(y.source)})`).join(', ');
  const days = CN_HOLIDAY_CALENDAR.flatMap((y) => y.days)
    .map((d) => `(date ${literal(d.date)}, ${literal(d.kind)}, ${literal(d.name)})`)
    .join(', ');
  return [
    `do $$
begin
  if exists (select "year", "source" from "${schema}"."calendar_year" except select * from (values ${years}) as v("year", "source"))
     or exists (select "date", "kind", "name" from "${schema}"."calendar_day" except select * from (values ${days}) as v("date", "kind", "name")) then
    raise exception '${schema}.calendar_year/calendar_day hold rows that are not the shipped 2022-2026 notices: load them into the one calendar (setHolidayCalendar, subjects.calendar_*) before this migration drops the copy';
  end if;
end $$;`,
    `drop table "${schema}"."calendar_day";`,
    `drop table "${schema}"."calendar_year";`,
  ];
}
