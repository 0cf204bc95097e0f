import { Migration } from '@mikro-orm/migrations';

export class Migration20261204013621 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "subjects"."administrative_action" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null, add column "withdrawn_at" timestamptz null, add column "withdrawal_reason" text null;`,
    );

    this.addSql(
      `alter table "subjects"."administrative_license" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "subjects"."administrative_action" drop column "open_objection_id", drop column "objection_changed_at", drop column "withdrawn_at", drop column "withdrawal_reason";`,
    );

    this.addSql(
      `alter table "subjects"."administrative_license" drop column "open_objection_id", drop column "objection_changed_at";`,
    );
  }
}
