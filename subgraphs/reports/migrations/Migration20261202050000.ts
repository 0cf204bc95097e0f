import { Migration } from '@mikro-orm/migrations';

export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "reports";`);
    this.addSql(
      `create table "reports"."credit_report" ("number" varchar(16) not null, "kind" text check ("kind" in ('REVIEW', 'OWN_RECORD')) not null, "subject_id" uuid not null, "subject_uscc" varchar(18) not null, "subject_name" varchar(255) not null, "subject_kind" text not null, "scenario" text null, "matter" varchar(100) not null, "purpose" varchar(200) null, "issuer_sub" varchar(200) not null, "issuer_name" varchar(200) not null, "issuer_org" varchar(32) not null, "issuer_org_name" varchar(255) not null, "issued_at" timestamptz not null, "valid_until" date not null, "validity_days" int not null, "validity_source" text not null, "verdict" text check ("verdict" in ('CLEAR', 'INCENTIVE', 'CAUTION', 'RESTRICT')) null, "section_cutoffs" jsonb not null, "verification_code" varchar(12) not null, "sha256" varchar(64) not null, "pdf_size" int not null, "pdf" bytea not null, constraint "credit_report_pkey" primary key ("number"));`,
    );
    this.addSql(`create index "credit_report_subject_id_index" on "reports"."credit_report" ("subject_id");`);
    this.addSql(
      `create index "credit_report_issuer_org_issued_at_index" on "reports"."credit_report" ("issuer_org", "issued_at");`,
    );
    // What was issued is never altered: the database itself refuses an update or a delete.
    this.addSql(
      `create function "reports"."credit_report_is_final"() returns trigger language plpgsql as $$ begin raise exception 'an issued credit report is never altered (%)', old.number using errcode = 'restrict_violation'; end $$;`,
    );
    this.addSql(
      `create trigger "credit_report_is_final" before update or delete on "reports"."credit_report" for each row execute function "reports"."credit_report_is_final"();`,
    );

    this.addSql(
      `create table "reports"."report_number_counter" ("year" int not null, "last_sequence" int not null, constraint "report_number_counter_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "reports"."report_validity_rule" ("kind" text check ("kind" in ('REVIEW', 'OWN_RECORD')) not null, "days" int not null check ("days" between 1 and 366), "source" text not null, constraint "report_validity_rule_pkey" primary key ("kind"));`,
    );
    // No validity is set by 苏政办规〔2025〕5号 or 发改财金〔2025〕565号 for such reports: ours, to be confirmed by the credit office.
    this.addSql(
      `insert into "reports"."report_validity_rule" ("kind", "days", "source") values ('REVIEW', 30, '本平台默认: 信用审查报告自出具之日起30日内有效 (苏政办规〔2025〕5号、发改财金〔2025〕565号未规定报告有效期; 区信用办可调整)'), ('OWN_RECORD', 30, '本平台默认: 公共信用信息报告自出具之日起30日内有效 (区信用办可调整)');`,
    );
  }
}
