import { Migration } from '@mikro-orm/migrations';
import { dropCalendarCopySql, shippedWorkingDayCalendar } from '../../../shared/db/calendar';
import { recomputeCaseDeadlines } from '../rules/recompute-deadlines';

/**
 * Issue 13, one calendar: the working-day calendar is read from the reference tables of the
 * subjects schema (shared/db/calendar.ts); this schema's copy goes (refusing if it holds anything
 * the shipped notices do not). Time limits say whether they were counted provisionally, and the
 * limits left null because the calendar stopped at 2026-12-31 are counted now (provisional 2027),
 * so no case stays out of overdueRepairCases.
 */
export class Migration20261202011600 extends Migration {
  override async up(): Promise<void> {
    // Run in order, now: the backfill below reads the columns added here.
    for (const sql of dropCalendarCopySql('repairs')) await this.execute(sql);
    await this.execute(
      `alter table "repairs"."repair_case" add column "intake_due_on_provisional" boolean not null default false, add column "decision_due_on_provisional" boolean not null default false;`,
    );
    // The shipped calendar is what the dropped copy held (checked above); subjects may not have migrated yet.
    await recomputeCaseDeadlines(
      <T>(sql: string, params: unknown[]) => this.execute(sql, params) as Promise<T[]>,
      'repairs',
      shippedWorkingDayCalendar(),
      { from: '2026-12-01', to: '2027-01-31' },
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "repairs"."repair_case" drop column "intake_due_on_provisional", drop column "decision_due_on_provisional";`,
    );
    this.addSql(
      `create table "repairs"."calendar_day" ("date" date not null, "kind" varchar(16) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );
    this.addSql(
      `create table "repairs"."calendar_year" ("year" int not null, "source" text not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );
  }
}
