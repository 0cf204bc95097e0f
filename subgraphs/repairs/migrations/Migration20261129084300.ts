import { Migration } from '@mikro-orm/migrations';

export class Migration20261129084300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "repairs"."applied_event" ("id" uuid not null, "type" varchar(64) not null, "applied_at" timestamptz not null, constraint "applied_event_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "repairs"."list_entry_fact" ("id" uuid not null, "subject_id" uuid not null, "list" varchar(8) not null, "status" varchar(16) not null, "decided_by_code" varchar(32) not null, "valid_until" date null, "changed_at" timestamptz not null, constraint "list_entry_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "list_entry_fact_subject_id_index" on "repairs"."list_entry_fact" ("subject_id");`);

    this.addSql(
      `create table "repairs"."penalty_fact" ("id" uuid not null, "subject_id" uuid not null, "severity" varchar(16) not null, "decided_at" date not null, "authority_code" varchar(32) not null, "data_source_code" varchar(32) not null, "revoked" boolean not null default false, "changed_at" timestamptz not null, constraint "penalty_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "penalty_fact_subject_id_index" on "repairs"."penalty_fact" ("subject_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repairs"."applied_event" cascade;`);

    this.addSql(`drop table if exists "repairs"."list_entry_fact" cascade;`);

    this.addSql(`drop table if exists "repairs"."penalty_fact" cascade;`);
  }
}
