import { Migration } from '@mikro-orm/migrations';

export class Migration20261129044403 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "sanctions";`);
    this.addSql(
      `create table "sanctions"."list_entry" ("id" uuid not null, "subject_id" uuid not null, "subject_uscc" varchar(18) not null, "subject_name" varchar(255) not null, "list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, "status" text check ("status" in ('DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED')) not null, "reason" text not null, "basis" text not null, "decision_no" varchar(255) not null, "decided_by_code" varchar(32) not null, "decided_at" date not null, "valid_until" date null, constraint "list_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "list_entry_list_status_decided_at_index" on "sanctions"."list_entry" ("list", "status", "decided_at");`,
    );
    this.addSql(`create index "list_entry_subject_uscc_index" on "sanctions"."list_entry" ("subject_uscc");`);
    this.addSql(`create index "list_entry_subject_id_index" on "sanctions"."list_entry" ("subject_id");`);

    this.addSql(
      `create table "sanctions"."measure" ("code" varchar(32) not null, "list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, "kind" text check ("kind" in ('INCENTIVE', 'PUNISHMENT')) not null, "scenario" text check ("scenario" in ('ADMINISTRATIVE_LICENSING', 'PUBLIC_PROCUREMENT', 'BIDDING', 'FISCAL_FUNDS', 'AWARDS', 'MARKET_ACCESS', 'QUALIFICATION', 'PUBLIC_RESOURCE_TRADING', 'DAILY_SUPERVISION')) not null, "title" text not null, "legal_basis" text not null, constraint "measure_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "measure_scenario_list_index" on "sanctions"."measure" ("scenario", "list");`);

    this.addSql(
      `create table "sanctions"."subject_index" ("id" uuid not null, "uscc" varchar(18) not null, "name" varchar(255) not null, constraint "subject_index_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sanctions"."subject_index" add constraint "subject_index_uscc_unique" unique ("uscc");`);
  }
}
