import { Migration } from '@mikro-orm/migrations';

export class Migration20261129044408 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "commitments";`);
    this.addSql(
      `create table "commitments"."commitment" ("id" uuid not null, "subject_id" uuid not null, "signatory_name" varchar(255) not null, "signatory_uscc" varchar(18) null, "template_id" uuid not null, "kind" text check ("kind" in ('APPROVAL_SUBSTITUTE', 'PROACTIVE', 'REPAIR', 'INDUSTRY_SELF_DISCIPLINE')) not null, "matter" varchar(255) not null, "signed_at" date not null, "valid_until" date null, "status" text check ("status" in ('IN_EFFECT', 'FULFILLED', 'BREACHED', 'EXPIRED')) not null, "publicized" boolean not null, "department_code" varchar(32) not null, constraint "commitment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "commitment_publicized_signed_at_index" on "commitments"."commitment" ("publicized", "signed_at");`,
    );
    this.addSql(`create index "commitment_subject_id_index" on "commitments"."commitment" ("subject_id");`);

    this.addSql(
      `create table "commitments"."commitment_template" ("id" uuid not null, "code" varchar(32) not null, "kind" text check ("kind" in ('APPROVAL_SUBSTITUTE', 'PROACTIVE', 'REPAIR', 'INDUSTRY_SELF_DISCIPLINE')) not null, "title" varchar(255) not null, "matter" varchar(255) not null, "text" text not null, "issued_by_code" varchar(32) not null, constraint "commitment_template_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "commitments"."commitment_template" add constraint "commitment_template_code_unique" unique ("code");`,
    );
  }
}
