import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../rules/publicity-repair-defaults';

const LEGACY_REGIMES = ['CREDIT_CHINA_2019', 'NDRC_ORDER_58', 'NDRC_ORDER_36_2026'];

/**
 * One publicity-and-repair rule table (docs/rules/publicity-and-repair.md):
 * publicity_repair_rule (regime × severity × domain × mark) replaces publicity_rule
 * and repairs' repair_rule. Penalties gain their domain (default: the authority's
 * 主管领域, which departments gain from their names), the 特定严重失信 and
 * 确有必要公示 marks, and published / repairable; every stored penalty is judged
 * again under the table, and queued to be sent again to repairs with its facts.
 */
export class Migration20261202011302 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subjects"."penalty_republish" ("penalty_id" uuid not null, constraint "penalty_republish_pkey" primary key ("penalty_id"));`,
    );

    this.addSql(
      `create table "subjects"."publicity_repair_rule" ("regime" varchar(32) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "domain" varchar(32) not null, "mark" text check ("mark" in ('NONE', 'SPECIFIC_SERIOUS', 'PUBLICITY_NECESSARY')) not null, "in_force_from" date not null, "published" boolean not null, "max_months" int not null, "min_months" int null, "repairable" boolean not null, "source" text not null, "reading" text null, constraint "publicity_repair_rule_pkey" primary key ("regime", "severity", "domain", "mark"));`,
    );

    const knex = this.getKnex();
    for (const rule of DEFAULT_PUBLICITY_REPAIR_RULES) {
      this.addSql(
        knex
          .insert({
            regime: rule.regime,
            severity: rule.severity,
            domain: rule.domain,
            mark: rule.mark,
            in_force_from: rule.inForceFrom,
            published: rule.published,
            max_months: rule.maxMonths,
            min_months: rule.minMonths,
            repairable: rule.repairable,
            source: rule.source,
            reading: rule.reading,
          })
          .into('publicity_repair_rule')
          .withSchema('subjects')
          .toQuery(),
      );
    }
    // A regime an administrator added to the old table is kept, for every domain.
    this.addSql(
      `insert into "subjects"."publicity_repair_rule" ("regime", "severity", "domain", "mark", "in_force_from", "published", "max_months", "min_months", "repairable", "source", "reading")
       select "regime", "severity", 'ANY', 'NONE', "in_force_from", "max_months" > 0, "max_months", "min_months", "max_months" > 0, "source", '迁移: 自 publicity_rule 保留'
         from "subjects"."publicity_rule" where "regime" not in (${LEGACY_REGIMES.map((r) => `'${r}'`).join(', ')});`,
    );
    this.addSql(`drop table if exists "subjects"."publicity_rule" cascade;`);

    this.addSql(
      `alter table "subjects"."administrative_penalty" add column "domain" text check ("domain" in ('FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'WORK_SAFETY', 'FIRE', 'GENERAL')) not null default 'GENERAL', add column "specific_serious" boolean not null default false, add column "necessary_publicity_months" int null, add column "published" boolean not null default true, add column "repairable" boolean not null default true;`,
    );

    this.addSql(
      `alter table "subjects"."department" add column "domain" text check ("domain" in ('FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'WORK_SAFETY', 'FIRE', 'GENERAL')) not null default 'GENERAL';`,
    );

    // 主管领域 from the name, as rules/department-domain.ts gives it to departments registered from now on.
    this.addSql(`update "subjects"."department" set "domain" = case
        when "name" like '%消防%' then 'FIRE'
        when "name" like '%应急管理%' or "name" like '%安全生产监督%' then 'WORK_SAFETY'
        when "name" like '%药品监督%' then 'DRUG'
        else 'GENERAL' end;`);
    // Existing penalties reported no domain: it is their authority's.
    this.addSql(
      `update "subjects"."administrative_penalty" p set "domain" = d."domain" from "subjects"."department" d where d."code" = p."authority_code" and p."domain" <> d."domain";`,
    );

    // Every stored penalty judged again under the table, as rules/publicity.ts judges a new one:
    // the regime in force on its decision date, then its most specific row (a mark outweighs a domain, a domain ANY).
    this.addSql(`with judged as (
        select p."id", p."decided_at", g."regime", r."published", r."repairable", r."min_months",
               case when r."mark" = 'PUBLICITY_NECESSARY' then least(p."necessary_publicity_months", r."max_months") else r."max_months" end as "months"
          from "subjects"."administrative_penalty" p
          left join lateral (
            select x."regime" from "subjects"."publicity_repair_rule" x where x."in_force_from" <= p."decided_at" order by x."in_force_from" desc limit 1
          ) g on true
          left join lateral (
            select x.* from "subjects"."publicity_repair_rule" x
             where x."regime" = g."regime" and x."severity" = p."severity" and x."domain" in ('ANY', p."domain")
               and (x."mark" = 'NONE' or (x."mark" = 'SPECIFIC_SERIOUS' and p."specific_serious") or (x."mark" = 'PUBLICITY_NECESSARY' and p."necessary_publicity_months" is not null))
             order by (case when x."mark" = 'NONE' then 0 else 2 end) + (case when x."domain" = 'ANY' then 0 else 1 end) desc limit 1
          ) r on true
      ), dated as (
        select j."id", coalesce(j."regime", 'NONE_IN_FORCE') as "regime", coalesce(j."published", false) as "published",
               coalesce(j."published" and j."repairable", false) as "repairable",
               case when j."published" then (j."decided_at" + make_interval(months => j."months"))::date else j."decided_at" end as "ends",
               j."min_months"
          from judged j
      )
      update "subjects"."administrative_penalty" p set
        "regime" = d."regime", "published" = d."published", "repairable" = d."repairable", "publicity_ends_at" = d."ends",
        "repairable_from" = case when d."repairable" then (p."decided_at" + make_interval(months => coalesce(d."min_months", 0)))::date else d."ends" end
        from dated d where d."id" = p."id";`);

    // Repairs receives the computed facts from now on; existing penalties are sent again once (services/republish-penalties.ts).
    this.addSql(
      `insert into "subjects"."penalty_republish" ("penalty_id") select "id" from "subjects"."administrative_penalty";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "subjects"."publicity_rule" ("regime" varchar(32) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "in_force_from" date not null, "min_months" int4 null, "max_months" int4 not null, "source" varchar(255) not null, constraint "publicity_rule_pkey" primary key ("regime", "severity"));`,
    );

    this.addSql(`drop table if exists "subjects"."penalty_republish" cascade;`);

    this.addSql(`drop table if exists "subjects"."publicity_repair_rule" cascade;`);

    this.addSql(
      `alter table "subjects"."administrative_penalty" drop column "domain", drop column "specific_serious", drop column "necessary_publicity_months", drop column "published", drop column "repairable";`,
    );

    this.addSql(`alter table "subjects"."department" drop column "domain";`);
  }
}
