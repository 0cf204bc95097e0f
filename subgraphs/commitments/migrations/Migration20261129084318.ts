import { Migration } from '@mikro-orm/migrations';

export class Migration20261129084318 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "commitments"."commitment_event" ("id" uuid not null, "commitment_id" uuid not null, "occurred_at" timestamptz not null, "action" text check ("action" in ('SIGN', 'FULFIL', 'BREACH', 'WITHDRAW')) not null, "from_status" text check ("from_status" in ('IN_EFFECT', 'FULFILLED', 'BREACHED', 'EXPIRED', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('IN_EFFECT', 'FULFILLED', 'BREACHED', 'EXPIRED', 'WITHDRAWN')) not null, "actor_sub" varchar(255) not null, "actor_org" varchar(32) null, "note" text null, "evidence" text null, constraint "commitment_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "commitment_event_commitment_id_occurred_at_index" on "commitments"."commitment_event" ("commitment_id", "occurred_at");`,
    );

    this.addSql(
      `create table "commitments"."commitment_template_version" ("id" uuid not null, "template_id" uuid not null, "version" int not null, "text" text not null, "effective_from" date not null, "published_at" timestamptz null, "published_by_org" varchar(32) null, constraint "commitment_template_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "commitments"."commitment_template_version" add constraint "commitment_template_version_template_id_version_unique" unique ("template_id", "version");`,
    );

    this.addSql(`alter table "commitments"."commitment" drop constraint if exists "commitment_status_check";`);

    this.addSql(
      `alter table "commitments"."commitment" add column "template_version_id" uuid null, add column "reference" varchar(64) null, add column "obligations" text null, add column "breach_consequence" text null, add column "term_ends_on" date null, add column "breached_on" date null;`,
    );
    this.addSql(
      `alter table "commitments"."commitment" add constraint "commitment_status_check" check("status" in ('IN_EFFECT', 'FULFILLED', 'BREACHED', 'EXPIRED', 'WITHDRAWN'));`,
    );
    this.addSql(
      `alter table "commitments"."commitment" add constraint "commitment_department_code_reference_unique" unique ("department_code", "reference");`,
    );

    // Every template already there gets version 1 with its current text, in force since its first commitment;
    // every commitment already signed points at it.
    this.addSql(
      `insert into "commitments"."commitment_template_version" ("id", "template_id", "version", "text", "effective_from", "published_at", "published_by_org") select gen_random_uuid(), t."id", 1, t."text", coalesce((select min(c."signed_at") from "commitments"."commitment" c where c."template_id" = t."id"), current_date), null, null from "commitments"."commitment_template" t;`,
    );
    this.addSql(
      `update "commitments"."commitment" c set "template_version_id" = v."id" from "commitments"."commitment_template_version" v where v."template_id" = c."template_id" and v."version" = 1;`,
    );
    this.addSql(`alter table "commitments"."commitment" alter column "template_version_id" set not null;`);

    this.addSql(`alter table "commitments"."commitment_template" drop column "text";`);

    this.addSql(`alter table "commitments"."commitment_template" add column "industry" varchar(255) null;`);
  }

  override async down(): Promise<void> {
    // A template's text is its latest version's again.
    this.addSql(`alter table "commitments"."commitment_template" add column "text" text null;`);
    this.addSql(
      `update "commitments"."commitment_template" t set "text" = v."text" from "commitments"."commitment_template_version" v where v."template_id" = t."id" and v."version" = (select max(w."version") from "commitments"."commitment_template_version" w where w."template_id" = t."id");`,
    );
    this.addSql(`alter table "commitments"."commitment_template" alter column "text" set not null;`);
    this.addSql(`alter table "commitments"."commitment_template" drop column "industry";`);

    this.addSql(`drop table if exists "commitments"."commitment_event" cascade;`);

    this.addSql(`drop table if exists "commitments"."commitment_template_version" cascade;`);

    this.addSql(`alter table "commitments"."commitment" drop constraint if exists "commitment_status_check";`);

    this.addSql(
      `alter table "commitments"."commitment" drop constraint "commitment_department_code_reference_unique";`,
    );
    this.addSql(
      `alter table "commitments"."commitment" drop column "template_version_id", drop column "reference", drop column "obligations", drop column "breach_consequence", drop column "term_ends_on", drop column "breached_on";`,
    );

    // Withdrawn commitments have no status before this migration: they read as ended.
    this.addSql(`update "commitments"."commitment" set "status" = 'EXPIRED' where "status" = 'WITHDRAWN';`);
    this.addSql(
      `alter table "commitments"."commitment" add constraint "commitment_status_check" check("status" in ('IN_EFFECT', 'FULFILLED', 'BREACHED', 'EXPIRED'));`,
    );
  }
}
