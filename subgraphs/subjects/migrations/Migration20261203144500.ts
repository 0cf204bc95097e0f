import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17: the day up to which penalties whose publicity period ended by the date alone have been
 * announced to the exchange (services/publicity-date-sweep.ts); from today, China time.
 */
export class Migration20261203144500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."date_sweep" ("name" varchar(64) not null, "through" date not null, constraint "date_sweep_pkey" primary key ("name"));`,
    );
    this.addSql(
      `insert into "subjects"."date_sweep" ("name", "through") values ('penalty-publicity-dates', (now() at time zone 'Asia/Shanghai')::date);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."date_sweep" cascade;`);
  }
}
