import { Migration } from '@mikro-orm/migrations';

/** 决定书 (issue 18 item 4): the issued decision documents and their number counter. */
export class Migration20261203180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reports"."decision_document" ("number" varchar(16) not null, "kind" text check ("kind" in ('REPAIR', 'OBJECTION')) not null, "case_id" uuid not null, "case_number" varchar(32) null, "case_status" varchar(32) not null, "decision" varchar(64) not null, "subject_id" uuid not null, "subject_uscc" varchar(18) null, "subject_name" varchar(255) not null, "decided_by_code" varchar(32) null, "handled_by_code" varchar(32) null, "issuer_sub" varchar(200) not null, "issuer_org" varchar(32) null, "issued_at" timestamptz not null, "verification_code" varchar(12) not null, "sha256" varchar(64) not null, "pdf_size" int not null, "pdf" bytea not null, constraint "decision_document_pkey" primary key ("number"));`,
    );
    // One document per decision: issuing again answers the stored one, and two at once store one.
    this.addSql(
      `alter table "reports"."decision_document" add constraint "decision_document_kind_case_id_unique" unique ("kind", "case_id");`,
    );
    this.addSql(`create index "decision_document_subject_id_index" on "reports"."decision_document" ("subject_id");`);
    // What was issued is never altered: the database itself refuses an update or a delete.
    this.addSql(
      `create function "reports"."decision_document_is_final"() returns trigger language plpgsql as $$ begin raise exception 'an issued decision document is never altered (%)', old.number using errcode = 'restrict_violation'; end $$;`,
    );
    this.addSql(
      `create trigger "decision_document_is_final" before update or delete on "reports"."decision_document" for each row execute function "reports"."decision_document_is_final"();`,
    );
    this.addSql(
      `create table "reports"."decision_number_counter" ("year" int not null, "last_sequence" int not null, constraint "decision_number_counter_pkey" primary key ("year"));`,
    );
  }
}
