import { Migration } from '@mikro-orm/migrations';

export class Migration20261129044412 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "repairs";`);
    this.addSql(
      `create table "repairs"."repair_case" ("id" uuid not null, "subject_id" uuid not null, "target" text check ("target" in ('PENALTY', 'LIST_ENTRY')) not null, "target_id" uuid not null, "status" text check ("status" in ('SUBMITTED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')) not null, "reason" text not null, "submitted_at" timestamptz not null, "accepted_at" timestamptz null, "decided_at" timestamptz null, "decided_by_code" varchar(32) null, constraint "repair_case_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "repair_case_subject_id_index" on "repairs"."repair_case" ("subject_id");`);
  }
}
