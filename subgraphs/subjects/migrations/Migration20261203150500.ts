import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17: the records written before the exchange producers (and the demo seed's, written without
 * events) are sent to the exchange once, in chunks, by the start-up backfill (shared/db/exchange-backfill.ts);
 * per kind, the last id sent (in id order), how many, and whether it is done, so a restart resumes or
 * sends nothing again.
 */
export class Migration20261203150500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."exchange_backfill" ("name" varchar(32) not null, "after_id" uuid null, "sent" integer not null, "done" boolean not null, constraint "exchange_backfill_pkey" primary key ("name"));`,
    );
    this.addSql(
      `insert into "subjects"."exchange_backfill" ("name", "sent", "done") values ('PENALTY', 0, false), ('LICENSE', 0, false);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."exchange_backfill" cascade;`);
  }
}
