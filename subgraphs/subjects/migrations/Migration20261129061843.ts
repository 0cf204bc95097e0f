import { Migration } from '@mikro-orm/migrations';

export class Migration20261129061843 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "subjects"."reporting_rule" add column "accepted_target" double precision not null default 0.98, add column "timely_target" double precision not null default 0.95;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."reporting_rule" drop column "accepted_target", drop column "timely_target";`);
  }
}
