import { Migration } from '@mikro-orm/migrations';

export class Migration20261204013719 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "repairs"."objectable_record_fact" ("id" uuid not null, "kind" varchar(16) not null, "subject_id" uuid not null, "owner_code" varchar(32) null, "withdrawn" boolean not null default false, "changed_at" timestamptz not null, constraint "objectable_record_fact_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "objectable_record_fact_subject_id_index" on "repairs"."objectable_record_fact" ("subject_id");`,
    );

    this.addSql(`alter table "repairs"."objection_case" drop constraint if exists "objection_case_target_check";`);

    this.addSql(
      `alter table "repairs"."objection_case" alter column "handled_by_code" type varchar(32) using ("handled_by_code"::varchar(32));`,
    );
    this.addSql(`alter table "repairs"."objection_case" alter column "handled_by_code" drop not null;`);
    this.addSql(
      `alter table "repairs"."objection_case" add constraint "objection_case_target_check" check("target" in ('PENALTY', 'LIST_ENTRY', 'LICENSE', 'ACTION', 'EVALUATION'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repairs"."objectable_record_fact" cascade;`);

    this.addSql(`alter table "repairs"."objection_case" drop constraint if exists "objection_case_target_check";`);

    this.addSql(
      `alter table "repairs"."objection_case" alter column "handled_by_code" type varchar(32) using ("handled_by_code"::varchar(32));`,
    );
    this.addSql(`alter table "repairs"."objection_case" alter column "handled_by_code" set not null;`);
    this.addSql(
      `alter table "repairs"."objection_case" add constraint "objection_case_target_check" check("target" in ('PENALTY', 'LIST_ENTRY'));`,
    );
  }
}
