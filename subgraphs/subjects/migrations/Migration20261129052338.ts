import { Migration } from '@mikro-orm/migrations';

export class Migration20261129052338 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."audit_event" ("id" uuid not null, "occurred_at" timestamptz not null, "principal_sub" varchar(255) not null, "principal_name" varchar(255) not null, "org" varchar(32) null, "roles" text[] not null, "fields_class" text check ("fields_class" in ('PROFILE', 'PII', 'SCREENING')) not null, "subject_id" uuid null, "uscc" varchar(64) null, "purpose" varchar(255) null, "request_id" varchar(64) not null, "operation_name" varchar(255) null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_request_id_index" on "subjects"."audit_event" ("request_id");`);
    this.addSql(`create index "audit_event_occurred_at_index" on "subjects"."audit_event" ("occurred_at");`);
    this.addSql(
      `create index "audit_event_uscc_occurred_at_index" on "subjects"."audit_event" ("uscc", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_event_subject_id_occurred_at_index" on "subjects"."audit_event" ("subject_id", "occurred_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."audit_event" cascade;`);
  }
}
