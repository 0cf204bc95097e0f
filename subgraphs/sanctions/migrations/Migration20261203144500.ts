import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17: the day up to which list entries whose validity began or ended by the date alone have been
 * announced (services/entry-date-sweep.ts); from today, China time (the baseline verdicts are today's).
 */
export class Migration20261203144500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sanctions"."date_sweep" ("name" varchar(64) not null, "through" date not null, constraint "date_sweep_pkey" primary key ("name"));`,
    );
    this.addSql(
      `insert into "sanctions"."date_sweep" ("name", "through") values ('list-entry-dates', (now() at time zone 'Asia/Shanghai')::date);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."date_sweep" cascade;`);
  }
}
