import { Migration } from '@mikro-orm/migrations';
import { dropCalendarCopySql } from '../../../shared/db/calendar';

/**
 * Issue 13, one calendar: the working-day calendar is read from the reference tables of the
 * subjects schema (shared/db/calendar.ts); this schema's copy goes (refusing if it holds anything
 * the shipped notices do not). Objection deadlines say whether they were counted provisionally.
 */
export class Migration20261202011500 extends Migration {
  override async up(): Promise<void> {
    for (const sql of dropCalendarCopySql('sanctions')) this.addSql(sql);
    this.addSql(
      `alter table "sanctions"."list_entry" add column "objection_deadline_provisional" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sanctions"."list_entry" drop column "objection_deadline_provisional";`);
    this.addSql(
      `create table "sanctions"."calendar_day" ("date" date not null, "kind" varchar(16) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );
    this.addSql(
      `create table "sanctions"."calendar_year" ("year" int not null, "source" text not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );
  }
}
