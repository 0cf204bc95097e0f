import { Migration } from '@mikro-orm/migrations';

export class Migration20261129083931 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."applied_event" ("id" uuid not null, "type" varchar(64) not null, "applied_at" timestamptz not null, constraint "applied_event_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."applied_event" cascade;`);
  }
}
