import { Migration } from '@mikro-orm/migrations';

/**
 * The subject's kind beside its name, so the public verification masks a natural person's name.
 * Null for documents issued before it was kept (verification then takes a subject without a USCC for a person).
 */
export class Migration20261203183000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports"."decision_document" add column "subject_kind" text null;`);
  }
}
