import { Migration } from '@mikro-orm/migrations';

export class Migration20261204015944 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."record_republish" ("kind" varchar(8) not null, "record_id" uuid not null, constraint "record_republish_pkey" primary key ("kind", "record_id"));`,
    );

    this.addSql(
      `alter table "subjects"."administrative_action" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null, add column "withdrawn_at" timestamptz null, add column "withdrawal_reason" text null;`,
    );

    this.addSql(
      `alter table "subjects"."administrative_license" add column "open_objection_id" uuid null, add column "objection_changed_at" timestamptz null;`,
    );

    // Licences and actions already stored become objectable once repairs knows them: their facts are sent again after start (services/republish-records.ts).
    this.addSql(
      `insert into "subjects"."record_republish" ("kind", "record_id") select 'LICENSE', "id" from "subjects"."administrative_license";`,
    );
    this.addSql(
      `insert into "subjects"."record_republish" ("kind", "record_id") select 'ACTION', "id" from "subjects"."administrative_action";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subjects"."record_republish" cascade;`);

    this.addSql(
      `alter table "subjects"."administrative_action" drop column "open_objection_id", drop column "objection_changed_at", drop column "withdrawn_at", drop column "withdrawal_reason";`,
    );

    this.addSql(
      `alter table "subjects"."administrative_license" drop column "open_objection_id", drop column "objection_changed_at";`,
    );
  }
}
