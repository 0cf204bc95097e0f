import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_MODEL, DEFAULT_MODEL_EFFECTIVE_FROM } from '../rules/defaults';

const GRADES = `('A', 'B', 'C', 'D')`;

/**
 * Issue 16: the evaluations schema. The model is data (evaluation_model, evaluation_indicator,
 * grade_band, with the default version GUSU-2026.1 and each row's source); the facts are projections
 * of other subgraphs' events; subject_evaluation holds each subject's latest result.
 */
export class Migration20261202180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "evaluations";`);
    this.addSql(
      `create table "evaluations"."applied_event" ("id" uuid not null, "type" varchar(64) not null, "applied_at" timestamptz not null, constraint "applied_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "evaluations"."evaluation_model" ("version" varchar(32) not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, "effective_from" date not null, "published_at" timestamptz null, "base_score" double precision not null, "source" text not null, constraint "evaluation_model_pkey" primary key ("version"));`,
    );
    this.addSql(
      `create table "evaluations"."evaluation_indicator" ("model_version" varchar(32) not null, "code" varchar(48) not null, "label" varchar(64) not null, "fact" varchar(48) not null, "points_each" double precision not null, "cap" double precision null, "grade_cap" text check ("grade_cap" in ${GRADES}) null, "unit" varchar(8) null, "detail" varchar(32) null, "source" text not null, constraint "evaluation_indicator_pkey" primary key ("model_version", "code"));`,
    );
    this.addSql(
      `create table "evaluations"."grade_band" ("model_version" varchar(32) not null, "grade" text check ("grade" in ${GRADES}) not null, "label" varchar(8) not null, "min_score" double precision not null, constraint "grade_band_pkey" primary key ("model_version", "grade"));`,
    );
    this.addSql(
      `create table "evaluations"."subject_index" ("id" uuid not null, "uscc" varchar(18) null, "name" text not null, "kind" varchar(32) null, "industry" text null, "street" text null, "changed_at" timestamptz not null, constraint "subject_index_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "evaluations"."penalty_fact" ("id" uuid not null, "subject_id" uuid not null, "severity" varchar(16) not null, "revoked" boolean not null, "published" boolean null, "publicity_ends_at" date null, "changed_at" timestamptz not null, constraint "penalty_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "penalty_fact_subject_id_index" on "evaluations"."penalty_fact" ("subject_id");`);
    this.addSql(
      `create table "evaluations"."list_entry_fact" ("id" uuid not null, "subject_id" uuid not null, "list" varchar(8) not null, "status" varchar(16) not null, "valid_until" date null, "changed_at" timestamptz not null, constraint "list_entry_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "list_entry_fact_subject_id_index" on "evaluations"."list_entry_fact" ("subject_id");`);
    this.addSql(
      `create table "evaluations"."commitment_fact" ("id" uuid not null, "subject_id" uuid not null, "kind" varchar(32) not null, "status" varchar(16) not null, "changed_at" timestamptz not null, constraint "commitment_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "commitment_fact_subject_id_index" on "evaluations"."commitment_fact" ("subject_id");`);
    this.addSql(
      `create table "evaluations"."license_fact" ("id" uuid not null, "subject_id" uuid not null, "decided_at" date not null, "valid_until" date null, "revoked" boolean not null, "changed_at" timestamptz not null, constraint "license_fact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "license_fact_subject_id_index" on "evaluations"."license_fact" ("subject_id");`);
    this.addSql(
      `create table "evaluations"."repair_fact" ("target_id" uuid not null, "repair_case_id" uuid not null, "decided_at" timestamptz not null, constraint "repair_fact_pkey" primary key ("target_id"));`,
    );
    this.addSql(
      `create table "evaluations"."subject_evaluation" ("subject_id" uuid not null, "model_version" varchar(32) not null, "score" double precision not null, "grade" text check ("grade" in ${GRADES}) not null, "grade_label" varchar(8) not null, "evaluated_at" timestamptz not null, "lines" jsonb not null, "next_change_on" date null, "previous_grade" text check ("previous_grade" in ${GRADES}) null, "announced" boolean not null default true, constraint "subject_evaluation_pkey" primary key ("subject_id"));`,
    );
    this.addSql(
      `create index "subject_evaluation_next_change_on_index" on "evaluations"."subject_evaluation" ("next_change_on");`,
    );

    const knex = this.getKnex();
    const m = DEFAULT_MODEL;
    const insert = (table: string, rows: Record<string, unknown>[]) =>
      this.addSql(knex.insert(rows).into(table).withSchema('evaluations').toQuery());
    insert('evaluation_model', [
      {
        version: m.version,
        status: 'PUBLISHED',
        effective_from: DEFAULT_MODEL_EFFECTIVE_FROM,
        published_at: knex.fn.now(),
        base_score: m.baseScore,
        source: m.source,
      },
    ]);
    insert(
      'evaluation_indicator',
      m.indicators.map((i) => ({
        model_version: m.version,
        code: i.code,
        label: i.label,
        fact: i.fact,
        points_each: i.pointsEach,
        cap: i.cap,
        grade_cap: i.gradeCap,
        unit: i.unit,
        detail: i.detail,
        source: i.source,
      })),
    );
    insert(
      'grade_band',
      m.grades.map((b) => ({ model_version: m.version, grade: b.grade, label: b.label, min_score: b.minScore })),
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "evaluations" cascade;`);
  }
}
