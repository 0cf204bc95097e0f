import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_EVALUATION_SOURCES } from '../rules/evaluation-source-defaults';
import { DEFAULT_SUPERVISION_RULES } from '../rules/supervision-rule-defaults';

/** Imported evaluation results, the supervision rules and spot-check draws (issue 16, parts 1 and 3), with their default rows. */
export class Migration20261202181131 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."evaluation_import_batch" ("id" uuid not null, "source_code" varchar(32) not null, "batch_key" varchar(64) not null, "received_at" timestamptz not null, "accepted" int not null, "rejected" int not null, "unchanged" int not null, "imported_by_org" varchar(32) not null, "imported_by_sub" varchar(255) not null, constraint "evaluation_import_batch_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluations"."evaluation_import_batch" add constraint "evaluation_import_batch_source_code_batch_key_unique" unique ("source_code", "batch_key");`,
    );

    this.addSql(
      `create table "evaluations"."evaluation_import_rejection" ("batch_id" uuid not null, "row" int not null, "uscc" varchar(64) null, "field" varchar(32) not null, "reason" text not null, constraint "evaluation_import_rejection_pkey" primary key ("batch_id", "row"));`,
    );

    this.addSql(
      `create table "evaluations"."evaluation_result" ("id" uuid not null, "source_code" varchar(32) not null, "subject_id" uuid not null, "uscc" varchar(18) not null, "grade" varchar(16) not null, "score" double precision null, "period" varchar(7) not null, "model" text null, "evaluated_on" date not null, "received_at" timestamptz not null, "batch_id" uuid not null, constraint "evaluation_result_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "evaluation_result_subject_id_index" on "evaluations"."evaluation_result" ("subject_id");`,
    );
    this.addSql(
      `alter table "evaluations"."evaluation_result" add constraint "evaluation_result_source_code_subject_id_period_unique" unique ("source_code", "subject_id", "period");`,
    );

    this.addSql(
      `create table "evaluations"."evaluation_source" ("code" varchar(32) not null, "name" text not null, "kind" text check ("kind" in ('NATIONAL', 'INDUSTRY')) not null, "owner_code" varchar(32) null, "scale" text[] not null, "max_score" double precision null, "basis" text not null, constraint "evaluation_source_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "evaluations"."spot_check_draw" ("id" uuid not null, "department_code" varchar(32) not null, "industry" text not null, "street" text null, "period" varchar(7) not null, "seed" varchar(64) not null, "size" int null, "quotas" jsonb not null, "drawn_at" timestamptz not null, "drawn_by" varchar(255) not null, constraint "spot_check_draw_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "spot_check_draw_department_code_drawn_at_index" on "evaluations"."spot_check_draw" ("department_code", "drawn_at");`,
    );

    this.addSql(
      `create table "evaluations"."spot_check_item" ("draw_id" uuid not null, "subject_id" uuid not null, "position" int not null, "grade_at_draw" text check ("grade_at_draw" in ('A', 'B', 'C', 'D')) not null, "outcome" text check ("outcome" in ('NO_PROBLEM', 'PROBLEMS_FOUND', 'NOT_REACHABLE')) null, "note" text null, "recorded_at" timestamptz null, "recorded_by" varchar(255) null, constraint "spot_check_item_pkey" primary key ("draw_id", "subject_id"));`,
    );
    this.addSql(`create index "spot_check_item_subject_id_index" on "evaluations"."spot_check_item" ("subject_id");`);

    this.addSql(
      `create table "evaluations"."supervision_rule" ("id" uuid not null, "grade" text check ("grade" in ('A', 'B', 'C', 'D')) not null, "industry" text null, "spot_check_ratio" double precision not null, "tolerant_acceptance" boolean not null, "verdict_floor" text check ("verdict_floor" in ('CLEAR', 'INCENTIVE', 'CAUTION', 'RESTRICT')) null, "measures" text[] not null, "basis" text not null, constraint "supervision_rule_pkey" primary key ("id"));`,
    );
    // One rule per grade and industry, the any-industry row included (null would not collide in a plain unique constraint).
    this.addSql(
      `create unique index "supervision_rule_grade_industry_unique" on "evaluations"."supervision_rule" ("grade", coalesce("industry", ''));`,
    );

    // Rule and reference data start from their defaults, each with its source; the tables are what run.
    const knex = this.getKnex();
    for (const source of DEFAULT_EVALUATION_SOURCES) {
      this.addSql(
        knex
          .insert({
            code: source.code,
            name: source.name,
            kind: source.kind,
            owner_code: source.ownerCode,
            scale: [...source.scale],
            max_score: source.maxScore,
            basis: source.basis,
          })
          .into('evaluation_source')
          .withSchema('evaluations')
          .toQuery(),
      );
    }
    for (const rule of DEFAULT_SUPERVISION_RULES) {
      this.addSql(
        knex
          .insert({
            id: knex.raw('gen_random_uuid()'),
            grade: rule.grade,
            industry: rule.industry,
            spot_check_ratio: rule.spotCheckRatio,
            tolerant_acceptance: rule.tolerantAcceptance,
            verdict_floor: rule.verdictFloor,
            measures: [...rule.measures],
            basis: rule.basis,
          })
          .into('supervision_rule')
          .withSchema('evaluations')
          .toQuery(),
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."evaluation_import_batch" cascade;`);

    this.addSql(`drop table if exists "evaluations"."evaluation_import_rejection" cascade;`);

    this.addSql(`drop table if exists "evaluations"."evaluation_result" cascade;`);

    this.addSql(`drop table if exists "evaluations"."evaluation_source" cascade;`);

    this.addSql(`drop table if exists "evaluations"."spot_check_draw" cascade;`);

    this.addSql(`drop table if exists "evaluations"."spot_check_item" cascade;`);

    this.addSql(`drop table if exists "evaluations"."supervision_rule" cascade;`);
  }
}
