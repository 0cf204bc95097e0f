import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_STREET_GAZETTEER } from '../rules/street-gazetteer-defaults';

/**
 * Issue 16: the street gazetteer (road → 街道, rows with their source) and each subject's 街道. Existing
 * subjects get theirs after start (services/street-backfill.ts applies rules/street.ts, the one rule, to
 * every subject with an address in 姑苏区 and no street yet), and are announced with it.
 */
export class Migration20261202175753 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."street_gazetteer" ("road" varchar(32) not null, "street" varchar(16) not null, "source" text not null, constraint "street_gazetteer_pkey" primary key ("road"));`,
    );
    const knex = this.getKnex();
    for (const row of DEFAULT_STREET_GAZETTEER) {
      this.addSql(
        knex
          .insert({ road: row.road, street: row.street, source: row.source })
          .into('street_gazetteer')
          .withSchema('subjects')
          .toQuery(),
      );
    }
    this.addSql(`alter table "subjects"."subject" add column "street" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."subject" drop column "street";`);
    this.addSql(`drop table if exists "subjects"."street_gazetteer" cascade;`);
  }
}
