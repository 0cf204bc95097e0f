import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18, the window and the receipt: a case records its channel (cases before are
 * DEPARTMENT, the only channel there was), its 受理编号 and the hash of its 查询码
 * (null for cases filed before receipts: they answer no public lookup), the lookup
 * attempt counter and lockout; a WINDOW case its identity check.
 */
export class Migration20261203153300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "repairs"."repair_case" add column "channel" text check ("channel" in ('WINDOW', 'ONLINE', 'DEPARTMENT')) not null default 'DEPARTMENT', add column "case_number" varchar(20) null, add column "query_code_hash" varchar(64) null, add column "lookup_failures" int not null default 0, add column "lookup_locked_until" timestamptz null;`,
    );
    this.addSql(
      `alter table "repairs"."repair_case" add constraint "repair_case_case_number_unique" unique ("case_number");`,
    );
    this.addSql(
      `create table "repairs"."repair_window_intake" ("case_id" uuid not null, "capacity" text check ("capacity" in ('LEGAL_REPRESENTATIVE', 'PERSON', 'AGENT')) not null, "person_name" varchar(64) not null, "document_type" text check ("document_type" in ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT', 'OTHER')) not null, "document_number_masked" varchar(40) not null, "power_of_attorney_ref" varchar(100) null, "checked_by_sub" varchar(200) not null, "checked_by_name" varchar(200) not null, "checked_by_org" varchar(32) null, "checked_at" timestamptz not null, constraint "repair_window_intake_pkey" primary key ("case_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repairs"."repair_window_intake" cascade;`);
    this.addSql(`alter table "repairs"."repair_case" drop constraint "repair_case_case_number_unique";`);
    this.addSql(
      `alter table "repairs"."repair_case" drop column "channel", drop column "case_number", drop column "query_code_hash", drop column "lookup_failures", drop column "lookup_locked_until";`,
    );
  }
}
