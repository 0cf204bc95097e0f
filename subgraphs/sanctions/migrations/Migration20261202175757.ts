import { Migration } from '@mikro-orm/migrations';

/** Issue 16: the latest evaluation of each subject, from 'evaluation.changed' (the screening reads its floor). */
export class Migration20261202175757 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sanctions"."subject_evaluation_fact" ("subject_id" uuid not null, "model_version" varchar(32) not null, "score" double precision not null, "grade" varchar(1) not null, "previous_grade" varchar(1) null, "evaluated_at" timestamptz not null, "tolerant_acceptance" boolean not null, "verdict_floor" varchar(16) null, "basis" text not null, "received_at" timestamptz not null, constraint "subject_evaluation_fact_pkey" primary key ("subject_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."subject_evaluation_fact" cascade;`);
  }
}
