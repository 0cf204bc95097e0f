import { Migration } from '@mikro-orm/migrations';

export class Migration20261129052940 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subjects"."administrative_penalty" add column "repaired_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."administrative_penalty" drop column "repaired_at";`);
  }
}
