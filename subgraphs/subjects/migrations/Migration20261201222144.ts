import { Migration } from '@mikro-orm/migrations';

export class Migration20261201222144 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."directory_change" ("id" uuid not null, "action" text check ("action" in ('DEPARTMENT_REGISTERED', 'DELEGATION_GRANTED', 'DELEGATION_REVOKED')) not null, "department_code" varchar(32) not null, "delegate_code" varchar(32) null, "delegation_id" uuid null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "occurred_at" timestamptz not null, "note" text null, constraint "directory_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "directory_change_delegation_id_index" on "subjects"."directory_change" ("delegation_id");`,
    );
    this.addSql(
      `create index "directory_change_department_code_occurred_at_index" on "subjects"."directory_change" ("department_code", "occurred_at");`,
    );

    this.addSql(
      `create table "subjects"."reporting_delegation" ("id" uuid not null, "authority_code" varchar(32) not null, "delegate_code" varchar(32) not null, "basis" text not null, "valid_from" date not null, "valid_until" date null, "created_by" varchar(255) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(255) null, "revocation_reason" text null, constraint "reporting_delegation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "reporting_delegation_delegate_code_authority_code_index" on "subjects"."reporting_delegation" ("delegate_code", "authority_code");`,
    );

    this.addSql(
      `create index "subject_public_name_trgm_idx" on "subjects"."subject" using gin ((case when kind <> 'NATURAL_PERSON' then name when char_length(btrim(name)) <= 1 then repeat('*', char_length(btrim(name))) else left(btrim(name), 1) || repeat('*', char_length(btrim(name)) - 1) end) public.gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."directory_change" cascade;`);

    this.addSql(`drop table if exists "subjects"."reporting_delegation" cascade;`);

    this.addSql(`drop index "subjects"."subject_public_name_trgm_idx";`);
  }
}
