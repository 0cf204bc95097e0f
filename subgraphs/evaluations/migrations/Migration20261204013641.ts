import { Migration } from '@mikro-orm/migrations';

export class Migration20261204013641 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "evaluations"."subject_evaluation" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "evaluations"."subject_evaluation" drop column "open_objection_id", drop column "objection_changed_at";`,
    );
  }
}
