import { Migration } from '@mikro-orm/migrations';

export class Migration20261204024506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "subject_public_name_id_idx" on "subjects"."subject" ((case when kind <> 'NATURAL_PERSON' then name when char_length(btrim(name)) <= 1 then repeat('*', char_length(btrim(name))) else left(btrim(name), 1) || repeat('*', char_length(btrim(name)) - 1) end), "id");`,
    );
    this.addSql(`create index "subject_name_id_idx" on "subjects"."subject" ("name", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "subjects"."subject_public_name_id_idx";`);
    this.addSql(`drop index "subjects"."subject_name_id_idx";`);
  }
}
