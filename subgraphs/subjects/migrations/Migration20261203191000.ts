import { Migration } from '@mikro-orm/migrations';

/** Issue 18, objections: a penalty names the objection open about it (异议处理中). */
export class Migration20261203191000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "subjects"."administrative_penalty" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "subjects"."administrative_penalty" drop column "open_objection_id", drop column "objection_changed_at";`,
    );
  }
}
