import { Migration } from '@mikro-orm/migrations';
import { RecordKind } from '../../../shared/domain/vocabulary';
import { DEFAULT_PUBLICITY_RULES } from '../rules/publicity-defaults';

/** 报送时限 defaults (§5): 双公示 within 5 days of the decision. */
const DEFAULT_REPORTING_RULES = [
  {
    kind: RecordKind.LICENSE,
    days: 5,
    source: '姑苏信用办〔2020〕2号 第5条: “双公示”数据实现5天内（报送日期-决定日期）报送',
  },
  {
    kind: RecordKind.PENALTY,
    days: 5,
    source: '姑苏信用办〔2020〕2号 第5条: “双公示”数据实现5天内（报送日期-决定日期）报送',
  },
];

export class Migration20261129043945 extends Migration {
  override async up(): Promise<void> {
    // Name search (主体名称模糊检索) uses trigram indexes.
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create schema if not exists "subjects";`);
    this.addSql(
      `create table "subjects"."administrative_license" ("id" uuid not null, "subject_id" uuid not null, "document_name" varchar(255) not null, "license_no" varchar(255) not null, "title" varchar(255) not null, "certificate_no" varchar(255) not null, "category" text check ("category" in ('GENERAL', 'FRANCHISE', 'ACCREDITATION', 'APPROVAL', 'REGISTRATION', 'OTHER')) not null, "content" text not null, "decided_at" date not null, "valid_from" date not null, "valid_until" date null, "authority_code" varchar(32) not null, "data_source_code" varchar(32) not null, "reported_at" timestamptz not null, constraint "administrative_license_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "administrative_license_subject_id_decided_at_index" on "subjects"."administrative_license" ("subject_id", "decided_at");`,
    );

    this.addSql(
      `create table "subjects"."administrative_penalty" ("id" uuid not null, "subject_id" uuid not null, "decision_no" varchar(255) not null, "decided_at" date not null, "authority_code" varchar(32) not null, "data_source_code" varchar(32) not null, "violation_type" varchar(255) not null, "facts" text not null, "legal_basis" text not null, "categories" text[] not null, "content" text not null, "fine_amount" numeric(14,4) null, "confiscated_amount" numeric(14,4) null, "license_action" varchar(255) null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "regime" varchar(32) not null, "publicity_ends_at" date not null, "repairable_from" date not null, "reported_at" timestamptz not null, constraint "administrative_penalty_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "administrative_penalty_subject_id_decided_at_index" on "subjects"."administrative_penalty" ("subject_id", "decided_at");`,
    );
    this.addSql(
      `alter table "subjects"."administrative_penalty" add constraint "administrative_penalty_authority_code_decision_no_unique" unique ("authority_code", "decision_no");`,
    );

    this.addSql(
      `create table "subjects"."department" ("code" varchar(32) not null, "name" varchar(255) not null, "uscc" varchar(18) not null, constraint "department_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "subjects"."publicity_rule" ("regime" varchar(32) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "in_force_from" date not null, "min_months" int null, "max_months" int not null, "source" varchar(255) not null, constraint "publicity_rule_pkey" primary key ("regime", "severity"));`,
    );

    this.addSql(
      `create table "subjects"."reporting_rule" ("kind" text check ("kind" in ('LICENSE', 'PENALTY')) not null, "days" int not null, "source" varchar(255) not null, constraint "reporting_rule_pkey" primary key ("kind"));`,
    );

    this.addSql(
      `create table "subjects"."subject" ("id" uuid not null, "uscc" varchar(18) null, "id_number" varchar(18) null, "name" varchar(255) not null, "kind" text check ("kind" in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE', 'SOCIAL_ORGANIZATION', 'PUBLIC_INSTITUTION', 'GOVERNMENT_AGENCY', 'NATURAL_PERSON')) not null, "status" text check ("status" in ('ACTIVE', 'ABNORMAL', 'REVOKED', 'DEREGISTERED')) not null, "legal_rep_name" varchar(255) null, "legal_rep_id_number" varchar(18) null, "registered_address" varchar(255) not null, "division_code" varchar(6) not null, "industry" varchar(255) not null, "established_on" date not null, constraint "subject_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "subjects"."subject" add constraint "subject_uscc_unique" unique ("uscc");`);
    this.addSql(`alter table "subjects"."subject" add constraint "subject_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "subject_name_trgm_idx" on "subjects"."subject" using gin ("name" public.gin_trgm_ops);`);

    this.addSql(
      `create table "subjects"."submission" ("id" uuid not null, "kind" text check ("kind" in ('LICENSE', 'PENALTY')) not null, "department_code" varchar(32) not null, "record_id" uuid null, "decided_at" date not null, "submitted_at" timestamptz not null, "outcome" text check ("outcome" in ('ACCEPTED', 'REJECTED')) not null, "rejection_reason" varchar(255) null, constraint "submission_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "submission_decided_at_department_code_index" on "subjects"."submission" ("decided_at", "department_code");`,
    );

    // The rule tables start from the defaults of DESIGN.md, each row naming its source.
    for (const rule of DEFAULT_PUBLICITY_RULES) {
      this.addSql(
        this.getKnex()
          .insert({
            regime: rule.regime,
            severity: rule.severity,
            in_force_from: rule.inForceFrom,
            min_months: rule.minMonths,
            max_months: rule.maxMonths,
            source: rule.source,
          })
          .into('publicity_rule')
          .withSchema('subjects')
          .toQuery(),
      );
    }
    for (const rule of DEFAULT_REPORTING_RULES) {
      this.addSql(this.getKnex().insert(rule).into('reporting_rule').withSchema('subjects').toQuery());
    }
  }
}
