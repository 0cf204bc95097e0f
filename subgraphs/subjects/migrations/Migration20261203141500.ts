import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17: every change of a penalty or licence goes to the exchange (records.changed) with a version
 * from this sequence, taken in the statement that reads the changed record (repositories/exchange-records.ts):
 * it grows with every change and is never reused, so a receiver keeps the highest it has seen.
 */
export class Migration20261203141500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence if not exists "subjects"."exchange_version_seq";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "subjects"."exchange_version_seq";`);
  }
}
