import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17, inbound lists: an entry imported from an upper-level source names the source platform and
 * the issuer's own id (one entry per source, kind and id), and each import is recorded.
 */
export class Migration20261203140700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "sanctions"."list_entry" add column "source_platform" varchar(64) null, add column "source_key" varchar(128) null;`,
    );
    this.addSql(
      `create unique index "list_entry_source_unique" on "sanctions"."list_entry" ("source_platform", "list_kind", "source_key") where "source_key" is not null;`,
    );
    this.addSql(
      `create table "sanctions"."upper_list_import" ("id" uuid not null, "imported_at" timestamptz not null, "imported_by_sub" varchar(255) not null, "imported_by_org" varchar(32) null, "source_platform" varchar(64) not null, "list_kind" varchar(48) not null, "mode" text check ("mode" in ('SNAPSHOT', 'CHANGES')) not null, "status" text check ("status" in ('APPLIED', 'REJECTED')) not null, "received" int not null, "added" int not null, "changed" int not null, "removed" int not null, "unchanged" int not null, "skipped" int not null, "rejected" int not null, constraint "upper_list_import_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "upper_list_import_imported_at_index" on "sanctions"."upper_list_import" ("imported_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."upper_list_import" cascade;`);
    this.addSql(`drop index if exists "sanctions"."list_entry_source_unique";`);
    this.addSql(`alter table "sanctions"."list_entry" drop column "source_platform", drop column "source_key";`);
  }
}
