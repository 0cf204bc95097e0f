import { Migration } from '@mikro-orm/migrations';
import { CN_HOLIDAY_CALENDAR } from '../../../shared/domain/holiday-calendar-cn';

/**
 * Issue 13, one calendar: subjects.calendar_year/calendar_day become the one reference calendar
 * (shared/db/calendar.ts; the copies in sanctions and repairs are dropped by their migrations).
 * Each day records the notice that announced it (the 2023 notice names 2022-12-31), each year
 * who loaded it; calendar_change keeps every load; a submission's deadline says whether it was
 * counted over a provisional year. Existing rows keep their data: notice years are backfilled.
 */
export class Migration20261202011400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "subjects"."calendar_year" add column "loaded_at" timestamptz null, add column "loaded_by" varchar(255) null;`,
    );
    this.addSql(`alter table "subjects"."calendar_day" add column "notice_year" int null;`);
    this.addSql(`update "subjects"."calendar_day" set "notice_year" = extract(year from "date")::int;`);
    // The shipped notices that name a day of the year before keep it with their own year.
    const knex = this.getKnex();
    for (const notice of CN_HOLIDAY_CALENDAR) {
      for (const day of notice.days.filter((d) => Number(d.date.slice(0, 4)) !== notice.year)) {
        this.addSql(
          knex('calendar_day')
            .withSchema('subjects')
            .update({ notice_year: notice.year })
            .where({ date: day.date })
            .toQuery(),
        );
      }
    }
    this.addSql(`alter table "subjects"."calendar_day" alter column "notice_year" set not null;`);
    this.addSql(`create index "calendar_day_notice_year_index" on "subjects"."calendar_day" ("notice_year");`);

    this.addSql(
      `create table "subjects"."calendar_change" ("id" uuid not null, "year" int not null, "source" text not null, "days" jsonb not null, "previous_source" text null, "previous_days" jsonb null, "recomputed" int not null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "occurred_at" timestamptz not null, constraint "calendar_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "calendar_change_year_occurred_at_index" on "subjects"."calendar_change" ("year", "occurred_at");`,
    );

    this.addSql(`alter table "subjects"."submission" add column "due_on_provisional" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."submission" drop column "due_on_provisional";`);
    this.addSql(`drop table if exists "subjects"."calendar_change" cascade;`);
    this.addSql(`drop index "subjects"."calendar_day_notice_year_index";`);
    this.addSql(`alter table "subjects"."calendar_day" drop column "notice_year";`);
    this.addSql(`alter table "subjects"."calendar_year" drop column "loaded_at", drop column "loaded_by";`);
  }
}
