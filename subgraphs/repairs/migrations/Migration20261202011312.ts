import { Migration } from '@mikro-orm/migrations';

/**
 * One publicity-and-repair rule table, owned by subjects (docs/rules/publicity-and-repair.md):
 * repairs drops its copy (repair_rule) and judges penalties on the facts subjects
 * computes and sends with 'penalties.changed'. Existing facts get them when subjects
 * sends every existing penalty again (its Migration20261202011302 queues them; the
 * subgraph sends them after start); until then such a penalty reads "facts not yet sent".
 * Repair cases keep the regime they were given.
 */
export class Migration20261202011312 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "repairs"."repair_rule" cascade;`);

    this.addSql(
      `alter table "repairs"."penalty_fact" add column "regime" varchar(32) null, add column "published" boolean null, add column "repairable" boolean null, add column "repairable_from" date null, add column "publicity_ends_at" date null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "repairs"."repair_rule" ("regime" varchar(32) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "in_force_from" date not null, "repairable" bool not null, "min_months" int4 null, "max_months" int4 null, "source" text not null, constraint "repair_rule_pkey" primary key ("regime", "severity"));`,
    );

    this.addSql(
      `alter table "repairs"."penalty_fact" drop column "regime", drop column "published", drop column "repairable", drop column "repairable_from", drop column "publicity_ends_at";`,
    );
  }
}
