import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_OBJECTION_DEADLINE_RULES } from '../rules/defaults';

/**
 * Issue 18, objections (异议): the objection case and its history; the deadline table gains a kind
 * (its rows so far time repair cases) and one active row per kind, with the objection limits.
 */
export class Migration20261203190000 extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    this.addSql(
      `create table "repairs"."objection_case" ("id" uuid not null, "subject_id" uuid not null, "target" text check ("target" in ('PENALTY', 'LIST_ENTRY')) not null, "target_id" uuid not null, "channel" text check ("channel" in ('WINDOW', 'ONLINE', 'DEPARTMENT')) not null, "case_number" varchar(20) not null, "query_code_hash" varchar(64) not null, "lookup_failures" int not null default 0, "lookup_locked_until" timestamptz null, "grounds" text not null, "evidence" text null, "status" text check ("status" in ('SUBMITTED', 'ACCEPTED', 'UPHELD', 'DISMISSED')) not null, "handled_by_code" varchar(32) not null, "submitted_at" timestamptz not null, "intake_due_on" date not null, "intake_due_on_provisional" boolean not null default false, "accepted_at" timestamptz null, "decision_due_on" date null, "decision_due_on_provisional" boolean not null default false, "decided_at" timestamptz null, "decided_by_code" varchar(32) null, "outcome" text check ("outcome" in ('WITHDRAWN', 'CORRECTED')) null, "decision_note" text null, constraint "objection_case_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "objection_case_subject_id_index" on "repairs"."objection_case" ("subject_id");`);
    this.addSql(`create index "objection_case_target_id_index" on "repairs"."objection_case" ("target_id");`);
    this.addSql(
      `alter table "repairs"."objection_case" add constraint "objection_case_case_number_unique" unique ("case_number");`,
    );
    this.addSql(
      `create unique index "objection_case_open_target_unique" on "repairs"."objection_case" ("target_id") where "status" in ('SUBMITTED', 'ACCEPTED');`,
    );
    this.addSql(
      `create table "repairs"."objection_case_event" ("id" uuid not null, "occurred_at" timestamptz not null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "note" text null, "case_id" uuid not null, "action" text check ("action" in ('SUBMIT', 'ACCEPT', 'UPHOLD', 'DISMISS')) not null, "from_status" text check ("from_status" in ('SUBMITTED', 'ACCEPTED', 'UPHELD', 'DISMISSED')) null, "to_status" text check ("to_status" in ('SUBMITTED', 'ACCEPTED', 'UPHELD', 'DISMISSED')) not null, constraint "objection_case_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "objection_case_event_case_id_occurred_at_index" on "repairs"."objection_case_event" ("case_id", "occurred_at");`,
    );
    this.addSql(
      `alter table "repairs"."repair_deadline_rule" add column "kind" varchar(16) not null default 'REPAIR';`,
    );
    this.addSql(`drop index "repairs"."repair_deadline_rule_one_active";`);
    this.addSql(
      `create unique index "repair_deadline_rule_one_active" on "repairs"."repair_deadline_rule" ("kind") where "active";`,
    );
    for (const rule of DEFAULT_OBJECTION_DEADLINE_RULES) {
      this.addSql(
        knex
          .insert({
            scope: rule.scope,
            kind: rule.kind,
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
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "repairs"."repair_deadline_rule" where "kind" = 'OBJECTION';`);
    this.addSql(`drop index "repairs"."repair_deadline_rule_one_active";`);
    this.addSql(
      `create unique index "repair_deadline_rule_one_active" on "repairs"."repair_deadline_rule" ("active") where "active";`,
    );
    this.addSql(`alter table "repairs"."repair_deadline_rule" drop column "kind";`);
    this.addSql(`drop table if exists "repairs"."objection_case_event" cascade;`);
    this.addSql(`drop table if exists "repairs"."objection_case" cascade;`);
  }
}
