import { Migration } from '@mikro-orm/migrations';
import { defaultCalendarSql } from '../../../shared/db/calendar';
import { CreditList } from '../../../shared/domain/vocabulary';
import { DEFAULT_MEASURES } from '../rules/measure-catalogue';

/** 名单规则 defaults: 5 working days to object after notice; §15 reporting deadlines. */
const DEFAULT_LIST_RULES = [
  {
    list: CreditList.BLACK,
    objection_working_days: 5,
    report_deadline_kind: 'MONTHLY',
    report_days: 5,
    source:
      '姑苏信用办〔2020〕2号 第15条: 黑名单每月5日前报送上月认定信息；国办发〔2020〕49号: 认定前告知并听取陈述申辩',
  },
  {
    list: CreditList.RED,
    objection_working_days: 5,
    report_deadline_kind: 'WORKING_DAYS',
    report_days: 5,
    source: '姑苏信用办〔2020〕2号 第15条: 红名单认定文件印发后5个工作日内报送',
  },
  {
    list: CreditList.WATCH,
    objection_working_days: 5,
    report_deadline_kind: null,
    report_days: null,
    source: '姑苏信用办〔2020〕2号 第15条 (重点关注名单不对外公示，无报送时限)',
  },
];

export class Migration20261129053745 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sanctions"."calendar_day" ("date" date not null, "kind" varchar(16) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "sanctions"."calendar_year" ("year" int not null, "source" text not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "sanctions"."list_entry_event" ("id" uuid not null, "entry_id" uuid not null, "occurred_at" timestamptz not null, "action" text check ("action" in ('PROPOSE', 'NOTIFY', 'OBJECT', 'DISMISS_OBJECTION', 'UPHOLD_OBJECTION', 'PUBLISH', 'REVOKE', 'REPAIR')) not null, "from_status" text check ("from_status" in ('DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED', 'EXPIRED')) null, "to_status" text check ("to_status" in ('DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED', 'EXPIRED')) not null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "note" text null, constraint "list_entry_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "list_entry_event_entry_id_occurred_at_index" on "sanctions"."list_entry_event" ("entry_id", "occurred_at");`,
    );

    this.addSql(
      `create table "sanctions"."list_rule" ("list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, "objection_working_days" int not null, "report_deadline_kind" varchar(16) null, "report_days" int null, "source" text not null, constraint "list_rule_pkey" primary key ("list"));`,
    );

    this.addSql(
      `create table "sanctions"."measure_application" ("id" uuid not null, "screening_id" uuid not null, "uscc" varchar(64) not null, "measure_code" varchar(32) not null, "outcome" text check ("outcome" in ('APPLIED', 'NOT_APPLIED')) not null, "note" text null, "recorded_by" varchar(255) not null, "org" varchar(32) null, "recorded_at" timestamptz not null, constraint "measure_application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "sanctions"."measure_application" add constraint "measure_application_screening_id_uscc_measure_code_unique" unique ("screening_id", "uscc", "measure_code");`,
    );

    this.addSql(
      `create table "sanctions"."screening" ("id" uuid not null, "occurred_at" timestamptz not null, "principal_sub" varchar(255) not null, "org" varchar(32) null, "scenario" text check ("scenario" in ('ADMINISTRATIVE_LICENSING', 'PUBLIC_PROCUREMENT', 'BIDDING', 'FISCAL_FUNDS', 'AWARDS', 'MARKET_ACCESS', 'QUALIFICATION', 'PUBLIC_RESOURCE_TRADING', 'DAILY_SUPERVISION')) not null, "reference" varchar(255) null, "codes" int not null, constraint "screening_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "screening_occurred_at_org_index" on "sanctions"."screening" ("occurred_at", "org");`);

    this.addSql(
      `create table "sanctions"."screening_result" ("screening_id" uuid not null, "position" int not null, "uscc" varchar(64) not null, "verdict" text check ("verdict" in ('CLEAR', 'INCENTIVE', 'CAUTION', 'RESTRICT')) null, "subject_id" uuid null, "measure_codes" text[] not null, constraint "screening_result_pkey" primary key ("screening_id", "position"));`,
    );

    this.addSql(`alter table "sanctions"."list_entry" drop constraint if exists "list_entry_status_check";`);

    this.addSql(
      `alter table "sanctions"."list_entry" add column "valid_from" date null, add column "reported_at" timestamptz not null default now(), add column "notified_at" date null, add column "objection_deadline" date null, add column "removal_reason" text null;`,
    );
    this.addSql(
      `alter table "sanctions"."list_entry" add constraint "list_entry_status_check" check("status" in ('DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED', 'EXPIRED'));`,
    );

    this.addSql(`drop index "sanctions"."measure_scenario_list_index";`);
    this.addSql(`alter table "sanctions"."measure" drop column "list", drop column "scenario";`);

    this.addSql(
      `alter table "sanctions"."measure" add column "lists" text[] not null, add column "scenarios" text[] not null, add column "issued_by_code" varchar(32) null;`,
    );
    this.addSql(`alter table "sanctions"."list_entry" alter column "reported_at" drop default;`);

    // Rule and reference data start from their defaults, each with its source; the tables are what run.
    const knex = this.getKnex();
    for (const measure of DEFAULT_MEASURES) {
      this.addSql(
        knex
          .insert({
            code: measure.code,
            kind: measure.kind,
            title: measure.title,
            legal_basis: measure.legalBasis,
            lists: measure.lists,
            scenarios: measure.scenarios,
          })
          .into('measure')
          .withSchema('sanctions')
          .toQuery(),
      );
    }
    for (const rule of DEFAULT_LIST_RULES)
      this.addSql(knex.insert(rule).into('list_rule').withSchema('sanctions').toQuery());
    for (const sql of defaultCalendarSql(knex, 'sanctions')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."calendar_day" cascade;`);

    this.addSql(`drop table if exists "sanctions"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "sanctions"."list_entry_event" cascade;`);

    this.addSql(`drop table if exists "sanctions"."list_rule" cascade;`);

    this.addSql(`drop table if exists "sanctions"."measure_application" cascade;`);

    this.addSql(`drop table if exists "sanctions"."screening" cascade;`);

    this.addSql(`drop table if exists "sanctions"."screening_result" cascade;`);

    this.addSql(`alter table "sanctions"."list_entry" drop constraint if exists "list_entry_status_check";`);

    this.addSql(
      `alter table "sanctions"."list_entry" drop column "valid_from", drop column "reported_at", drop column "notified_at", drop column "objection_deadline", drop column "removal_reason";`,
    );

    this.addSql(
      `alter table "sanctions"."list_entry" add constraint "list_entry_status_check" check("status" in ('DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED'));`,
    );

    this.addSql(
      `alter table "sanctions"."measure" drop column "lists", drop column "scenarios", drop column "issued_by_code";`,
    );

    this.addSql(
      `alter table "sanctions"."measure" add column "list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, add column "scenario" text check ("scenario" in ('ADMINISTRATIVE_LICENSING', 'PUBLIC_PROCUREMENT', 'BIDDING', 'FISCAL_FUNDS', 'AWARDS', 'MARKET_ACCESS', 'QUALIFICATION', 'PUBLIC_RESOURCE_TRADING', 'DAILY_SUPERVISION')) not null;`,
    );
    this.addSql(`create index "measure_scenario_list_index" on "sanctions"."measure" ("scenario", "list");`);
  }
}
