import { Migration } from '@mikro-orm/migrations';
import { defaultCalendarSql } from '../../../shared/db/calendar';

export class Migration20261129082154 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."administrative_action" ("id" uuid not null, "subject_id" uuid not null, "action_kind" text check ("action_kind" in ('ENFORCEMENT', 'CONFIRMATION', 'LEVY', 'BENEFIT', 'ADJUDICATION', 'COMPENSATION', 'REWARD', 'INSPECTION')) not null, "document_no" varchar(255) not null, "title" varchar(255) not null, "content" text not null, "decided_at" date not null, "authority_code" varchar(32) not null, "data_source_code" varchar(32) not null, "reported_at" timestamptz not null, constraint "administrative_action_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "administrative_action_subject_id_decided_at_index" on "subjects"."administrative_action" ("subject_id", "decided_at");`,
    );
    this.addSql(
      `alter table "subjects"."administrative_action" add constraint "administrative_action_authority_code_document_no_unique" unique ("authority_code", "document_no");`,
    );

    this.addSql(
      `create table "subjects"."calendar_day" ("date" date not null, "kind" varchar(16) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "subjects"."calendar_year" ("year" int not null, "source" text not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );
    for (const sql of defaultCalendarSql(this.getKnex(), 'subjects')) this.addSql(sql);

    this.addSql(`alter table "subjects"."reporting_rule" drop constraint if exists "reporting_rule_kind_check";`);

    this.addSql(`alter table "subjects"."submission" drop constraint if exists "submission_kind_check";`);

    this.addSql(
      `alter table "subjects"."administrative_license" alter column "title" type varchar(255) using ("title"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."administrative_license" alter column "title" drop not null;`);
    this.addSql(
      `alter table "subjects"."administrative_license" alter column "certificate_no" type varchar(255) using ("certificate_no"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."administrative_license" alter column "certificate_no" drop not null;`);
    this.addSql(
      `alter table "subjects"."administrative_license" add constraint "administrative_license_authority_code_license_no_unique" unique ("authority_code", "license_no");`,
    );

    this.addSql(
      `alter table "subjects"."administrative_penalty" add column "valid_until" date null, add column "revoked_at" timestamptz null, add column "revocation_reason" text null;`,
    );

    this.addSql(
      `alter table "subjects"."reporting_rule" add column "day_unit" varchar(16) not null default 'CALENDAR';`,
    );
    this.addSql(
      `alter table "subjects"."reporting_rule" add constraint "reporting_rule_kind_check" check("kind" in ('LICENSE', 'PENALTY', 'ACTION'));`,
    );
    this.addSql(
      `insert into "subjects"."reporting_rule" ("kind", "days", "day_unit", "source") values ('ACTION', 7, 'WORKING', '姑苏信用办〔2020〕2号 第5条: 行政强制、确认、征收、给付、裁决、补偿、奖励和监督检查等八种行政行为信息 7 个工作日内公示');`,
    );

    this.addSql(
      `alter table "subjects"."subject" alter column "registered_address" type varchar(255) using ("registered_address"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "registered_address" drop not null;`);
    this.addSql(
      `alter table "subjects"."subject" alter column "industry" type varchar(255) using ("industry"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "industry" drop not null;`);
    this.addSql(
      `alter table "subjects"."subject" alter column "established_on" type date using ("established_on"::date);`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "established_on" drop not null;`);

    this.addSql(
      `alter table "subjects"."submission" add column "submission_key" text null, add column "document_no" text null, add column "due_on" date null, add column "accepted_at" timestamptz null, add column "reasons" jsonb null, add column "payload" jsonb null, add column "row_number" int null;`,
    );
    // Submissions already there keep their meaning: an accepted one is known by its record's natural key,
    // a rejected one by its own id; its reason becomes a field problem; deadlines come from the rule.
    this.addSql(
      `update "subjects"."submission" s set "submission_key" = p."authority_code" || '|' || p."decision_no", "document_no" = p."decision_no" from "subjects"."administrative_penalty" p where s."record_id" = p."id";`,
    );
    this.addSql(
      `update "subjects"."submission" s set "submission_key" = l."authority_code" || '|' || l."license_no", "document_no" = l."license_no" from "subjects"."administrative_license" l where s."record_id" = l."id";`,
    );
    this.addSql(
      `update "subjects"."submission" set "submission_key" = 'legacy:' || "id" where "submission_key" is null;`,
    );
    this.addSql(`update "subjects"."submission" set "accepted_at" = "submitted_at" where "outcome" = 'ACCEPTED';`);
    this.addSql(
      `update "subjects"."submission" s set "due_on" = s."decided_at" + r."days" from "subjects"."reporting_rule" r where r."kind" = s."kind";`,
    );
    this.addSql(
      `update "subjects"."submission" set "reasons" = jsonb_build_array(jsonb_build_object('field', 'record', 'code', 'INVALID_VALUE', 'message', "rejection_reason")) where "rejection_reason" is not null;`,
    );
    this.addSql(`alter table "subjects"."submission" alter column "submission_key" set not null;`);
    this.addSql(`alter table "subjects"."submission" drop column "rejection_reason";`);
    this.addSql(`alter table "subjects"."submission" alter column "decided_at" type date using ("decided_at"::date);`);
    this.addSql(`alter table "subjects"."submission" alter column "decided_at" drop not null;`);
    this.addSql(
      `alter table "subjects"."submission" add constraint "submission_kind_check" check("kind" in ('LICENSE', 'PENALTY', 'ACTION'));`,
    );
    this.addSql(
      `alter table "subjects"."submission" add constraint "submission_department_code_kind_submission_key_unique" unique ("department_code", "kind", "submission_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."administrative_action" cascade;`);

    this.addSql(`drop table if exists "subjects"."calendar_day" cascade;`);

    this.addSql(`drop table if exists "subjects"."calendar_year" cascade;`);

    this.addSql(`alter table "subjects"."reporting_rule" drop constraint if exists "reporting_rule_kind_check";`);

    this.addSql(`alter table "subjects"."submission" drop constraint if exists "submission_kind_check";`);

    this.addSql(
      `alter table "subjects"."administrative_license" drop constraint "administrative_license_authority_code_license_no_unique";`,
    );

    this.addSql(
      `alter table "subjects"."administrative_license" alter column "title" type varchar(255) using ("title"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."administrative_license" alter column "title" set not null;`);
    this.addSql(
      `alter table "subjects"."administrative_license" alter column "certificate_no" type varchar(255) using ("certificate_no"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."administrative_license" alter column "certificate_no" set not null;`);

    this.addSql(
      `alter table "subjects"."administrative_penalty" drop column "valid_until", drop column "revoked_at", drop column "revocation_reason";`,
    );

    this.addSql(`delete from "subjects"."reporting_rule" where "kind" = 'ACTION';`);
    this.addSql(`alter table "subjects"."reporting_rule" drop column "day_unit";`);

    this.addSql(
      `alter table "subjects"."reporting_rule" add constraint "reporting_rule_kind_check" check("kind" in ('LICENSE', 'PENALTY'));`,
    );

    this.addSql(
      `alter table "subjects"."subject" alter column "registered_address" type varchar(255) using ("registered_address"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "registered_address" set not null;`);
    this.addSql(
      `alter table "subjects"."subject" alter column "industry" type varchar(255) using ("industry"::varchar(255));`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "industry" set not null;`);
    this.addSql(
      `alter table "subjects"."subject" alter column "established_on" type date using ("established_on"::date);`,
    );
    this.addSql(`alter table "subjects"."subject" alter column "established_on" set not null;`);

    this.addSql(
      `alter table "subjects"."submission" drop constraint "submission_department_code_kind_submission_key_unique";`,
    );
    this.addSql(
      `alter table "subjects"."submission" drop column "submission_key", drop column "document_no", drop column "due_on", drop column "accepted_at", drop column "reasons", drop column "payload", drop column "row_number";`,
    );

    this.addSql(`alter table "subjects"."submission" add column "rejection_reason" varchar(255) null;`);
    this.addSql(`alter table "subjects"."submission" alter column "decided_at" type date using ("decided_at"::date);`);
    this.addSql(`alter table "subjects"."submission" alter column "decided_at" set not null;`);
    this.addSql(
      `alter table "subjects"."submission" add constraint "submission_kind_check" check("kind" in ('LICENSE', 'PENALTY'));`,
    );
  }
}
