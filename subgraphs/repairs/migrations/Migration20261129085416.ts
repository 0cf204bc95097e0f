import { Migration } from '@mikro-orm/migrations';
import { defaultCalendarSql } from '../../../shared/db/calendar';
import { DEFAULT_DEADLINE_RULES, DEFAULT_LIST_REPAIR_RULES, DEFAULT_REPAIR_RULES } from '../rules/defaults';
import { legacyCaseSql } from './legacy-cases';

export class Migration20261129085416 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "repairs"."calendar_day" ("date" date not null, "kind" varchar(16) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "repairs"."calendar_year" ("year" int not null, "source" text not null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "repairs"."commitment_fact" ("id" uuid not null, "subject_id" uuid not null, "kind" varchar(32) not null, "status" varchar(16) not null, "valid_until" date null, "changed_at" timestamptz not null, constraint "commitment_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "commitment_fact_subject_id_index" on "repairs"."commitment_fact" ("subject_id");`);

    this.addSql(
      `create table "repairs"."list_repair_rule" ("list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, "repairable" boolean not null, "source" text not null, constraint "list_repair_rule_pkey" primary key ("list"));`,
    );

    this.addSql(
      `create table "repairs"."repair_case_event" ("id" uuid not null, "case_id" uuid not null, "occurred_at" timestamptz not null, "action" text check ("action" in ('SUBMIT', 'ACCEPT', 'REJECT_AT_INTAKE', 'APPROVE', 'DENY', 'WITHDRAW')) not null, "from_status" text check ("from_status" in ('SUBMITTED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REJECTED_AT_INTAKE', 'DENIED')) null, "to_status" text check ("to_status" in ('SUBMITTED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REJECTED_AT_INTAKE', 'DENIED')) not null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "note" text null, constraint "repair_case_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "repair_case_event_case_id_occurred_at_index" on "repairs"."repair_case_event" ("case_id", "occurred_at");`,
    );

    this.addSql(
      `create table "repairs"."repair_deadline_rule" ("scope" varchar(32) not null, "active" boolean not null, "intake_working_days" int not null, "decision_working_days" int not null, "source" text not null, constraint "repair_deadline_rule_pkey" primary key ("scope"));`,
    );
    this.addSql(
      `create unique index "repair_deadline_rule_one_active" on "repairs"."repair_deadline_rule" ("active") where "active";`,
    );

    this.addSql(
      `create table "repairs"."repair_rule" ("regime" varchar(32) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "in_force_from" date not null, "repairable" boolean not null, "min_months" int null, "max_months" int null, "source" text not null, constraint "repair_rule_pkey" primary key ("regime", "severity"));`,
    );

    this.addSql(`alter table "repairs"."repair_case" drop constraint if exists "repair_case_status_check";`);

    this.addSql(
      `alter table "repairs"."repair_case" add column "regime" varchar(32) null, add column "handled_by_code" varchar(32) null, add column "repair_commitment_id" uuid null, add column "fulfilment_evidence" text null, add column "evidence" text null, add column "intake_due_on" date null, add column "decision_due_on" date null, add column "decision_note" text null;`,
    );
    this.addSql(
      `alter table "repairs"."repair_case" add constraint "repair_case_status_check" check("status" in ('SUBMITTED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REJECTED_AT_INTAKE', 'DENIED'));`,
    );
    this.addSql(
      `create unique index "repair_case_open_target_unique" on "repairs"."repair_case" ("target_id") where "status" in ('SUBMITTED', 'ACCEPTED');`,
    );
    this.addSql(`create index "repair_case_target_id_index" on "repairs"."repair_case" ("target_id");`);

    // The rule tables and the working-day calendar start from their defaults, each row naming its source; the tables are what run.
    const knex = this.getKnex();
    for (const rule of DEFAULT_REPAIR_RULES) {
      this.addSql(
        knex
          .insert({
            regime: rule.regime,
            severity: rule.severity,
            in_force_from: rule.inForceFrom,
            repairable: rule.repairable,
            min_months: rule.minMonths,
            max_months: rule.maxMonths,
            source: rule.source,
          })
          .into('repair_rule')
          .withSchema('repairs')
          .toQuery(),
      );
    }
    for (const rule of DEFAULT_LIST_REPAIR_RULES)
      this.addSql(knex.insert(rule).into('list_repair_rule').withSchema('repairs').toQuery());
    for (const rule of DEFAULT_DEADLINE_RULES) {
      this.addSql(
        knex
          .insert({
            scope: rule.scope,
            active: rule.active,
            intake_working_days: rule.intakeWorkingDays,
            decision_working_days: rule.decisionWorkingDays,
            source: rule.source,
          })
          .into('repair_deadline_rule')
          .withSchema('repairs')
          .toQuery(),
      );
    }
    for (const sql of defaultCalendarSql(knex, 'repairs')) this.addSql(sql);

    // Cases already there: REJECTED becomes DENIED; handling department, regime and history from what is known.
    for (const sql of legacyCaseSql('repairs')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "repairs"."calendar_day" cascade;`);

    this.addSql(`drop table if exists "repairs"."calendar_year" cascade;`);

    this.addSql(`drop table if exists "repairs"."commitment_fact" cascade;`);

    this.addSql(`drop table if exists "repairs"."list_repair_rule" cascade;`);

    this.addSql(`drop table if exists "repairs"."repair_case_event" cascade;`);

    this.addSql(`drop table if exists "repairs"."repair_deadline_rule" cascade;`);

    this.addSql(`drop table if exists "repairs"."repair_rule" cascade;`);

    this.addSql(`alter table "repairs"."repair_case" drop constraint if exists "repair_case_status_check";`);
    this.addSql(
      `update "repairs"."repair_case" set "status" = 'REJECTED' where "status" in ('DENIED', 'REJECTED_AT_INTAKE');`,
    );

    this.addSql(`drop index "repairs"."repair_case_open_target_unique";`);
    this.addSql(`drop index "repairs"."repair_case_target_id_index";`);
    this.addSql(
      `alter table "repairs"."repair_case" drop column "regime", drop column "handled_by_code", drop column "repair_commitment_id", drop column "fulfilment_evidence", drop column "evidence", drop column "intake_due_on", drop column "decision_due_on", drop column "decision_note";`,
    );

    this.addSql(
      `alter table "repairs"."repair_case" add constraint "repair_case_status_check" check("status" in ('SUBMITTED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));`,
    );
  }
}
