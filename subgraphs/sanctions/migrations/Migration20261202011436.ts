import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_LIST_KINDS, LIST_KIND } from '../rules/list-kinds';
import { DEFAULT_MEASURES } from '../rules/measure-catalogue';

/**
 * Issue 13, parts 3 and 4: the list-kind catalogue; every entry gets a kind and its
 * designating authority (backfilled from its list, department and legal basis, keeping
 * every row); measures apply by list kind, each with the level of its basis. The two
 * measures that cited the district's own 2020 document get a central basis
 * (I-ACCEPT-INCOMPLETE, W-STRICT-REVIEW) or are dropped (W-PERFORMANCE-WATCH): see
 * docs/rules/authority-and-lists.md.
 */
export class Migration20261202011436 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sanctions"."list_kind" ("code" varchar(48) not null, "list" text check ("list" in ('RED', 'BLACK', 'WATCH')) not null, "name" varchar(255) not null, "authority_kind" text check ("authority_kind" in ('LOCAL_DEPARTMENT', 'CREDIT_OFFICE', 'COURT', 'TAX', 'UPPER_PLATFORM')) not null, "authority_name" varchar(255) not null, "designator_code" varchar(32) null, "repairable_here" boolean not null, "turn_to" text null, "removal_rule" text not null, "source" text not null, constraint "list_kind_pkey" primary key ("code"));`,
    );
    const knex = this.getKnex();
    for (const kind of DEFAULT_LIST_KINDS) {
      this.addSql(
        knex
          .insert({
            code: kind.code,
            list: kind.list,
            name: kind.name,
            authority_kind: kind.authorityKind,
            authority_name: kind.authorityName,
            designator_code: kind.designatorCode,
            repairable_here: kind.repairableHere,
            turn_to: kind.turnTo,
            removal_rule: kind.removalRule,
            source: kind.source,
          })
          .into('list_kind')
          .withSchema('sanctions')
          .toQuery(),
      );
    }

    this.addSql(
      `alter table "sanctions"."list_entry" add column "list_kind" varchar(48) null, add column "designating_authority_kind" text check ("designating_authority_kind" in ('LOCAL_DEPARTMENT', 'CREDIT_OFFICE', 'COURT', 'TAX', 'UPPER_PLATFORM')) null, add column "designating_authority" varchar(255) null;`,
    );
    // Backfill, most specific first: a kind one department designates only for that department's entries.
    const backfill: [string, string][] = [
      [LIST_KIND.courtDefaulter, `list = 'BLACK' and (basis like '%失信被执行人%' or reason like '%法院%')`],
      [LIST_KIND.majorTaxViolation, `list = 'BLACK' and decided_by_code = 'gusu.swj'`],
      [
        LIST_KIND.wageArrears,
        `list = 'BLACK' and decided_by_code = 'gusu.rsj' and (basis like '%拖欠农民工工资%' or reason like '%拖欠农民工工资%')`,
      ],
      [
        LIST_KIND.workSafety,
        `list = 'BLACK' and decided_by_code = 'gusu.ajj' and (basis like '%安全生产严重失信%' or reason like '%安全生产严重失信%')`,
      ],
      [
        LIST_KIND.marketSerious,
        `list = 'BLACK' and decided_by_code = 'gusu.scjgj' and (basis like '%严重违法失信名单%' or reason like '%严重违法失信%')`,
      ],
      [
        LIST_KIND.constructionSerious,
        `list = 'BLACK' and decided_by_code = 'gusu.zjw' and (basis like '%建筑市场%' or reason like '%建筑市场%')`,
      ],
      [LIST_KIND.localSerious, `list = 'BLACK'`],
      [
        LIST_KIND.taxA,
        `list = 'RED' and decided_by_code = 'gusu.swj' and (basis like '%纳税信用%' or reason like '%纳税人%')`,
      ],
      [LIST_KIND.localTrustworthy, `list = 'RED'`],
      [
        LIST_KIND.abnormalOperation,
        `list = 'WATCH' and decided_by_code = 'gusu.scjgj' and (basis like '%经营异常名录%' or reason like '%经营异常名录%')`,
      ],
      [LIST_KIND.commitmentBreach, `list = 'WATCH' and (reason like '违背信用承诺%' or reason like '违反信用承诺%')`],
      [LIST_KIND.keyAttention, `list = 'WATCH'`],
    ];
    for (const [kind, condition] of backfill) {
      this.addSql(
        `update "sanctions"."list_entry" set list_kind = '${kind}' where list_kind is null and ${condition};`,
      );
    }
    // Who designated: the kind's authority; a kind any department designates names that department.
    this.addSql(`update "sanctions"."list_entry" e set designating_authority_kind = k.authority_kind,
      designating_authority = case when k.designator_code is null and k.authority_kind = 'LOCAL_DEPARTMENT' then e.decided_by_code else k.authority_name end
      from "sanctions"."list_kind" k where k.code = e.list_kind;`);
    this.addSql(
      `alter table "sanctions"."list_entry" alter column "list_kind" set not null, alter column "designating_authority_kind" set not null, alter column "designating_authority" set not null;`,
    );
    // Repairs learns each backfilled kind from one event, sent at start (events/announce-kinds.ts).
    this.addSql(`alter table "sanctions"."list_entry" add column "kind_announced" boolean not null default false;`);

    this.addSql(
      `alter table "sanctions"."measure" add column "basis_kind" text check ("basis_kind" in ('LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'JUDICIAL_INTERPRETATION', 'CENTRAL_POLICY')) null, add column "list_kinds" text[] not null default '{}';`,
    );
    // The catalogue rows as they now read (a fresh database inserted the same rows before this migration ran).
    for (const m of DEFAULT_MEASURES) {
      this.addSql(
        knex
          .insert({
            code: m.code,
            kind: m.kind,
            title: m.title,
            legal_basis: m.legalBasis,
            basis_kind: m.basisKind,
            list_kinds: m.listKinds,
            lists: m.lists,
            scenarios: m.scenarios,
          })
          .into('measure')
          .withSchema('sanctions')
          .onConflict('code')
          .merge(['title', 'legal_basis', 'basis_kind', 'list_kinds', 'lists', 'scenarios'])
          .toQuery(),
      );
    }
    // Dropped: its only basis was the district's 2020 document (国办发〔2020〕49号 requires a central one).
    this.addSql(`delete from "sanctions"."measure" where code = 'W-PERFORMANCE-WATCH' and issued_by_code is null;`);
    // A department's own measure applies, as before, to every kind of its lists.
    this.addSql(
      `update "sanctions"."measure" m set list_kinds = array(select k.code from "sanctions"."list_kind" k where k.list = any(m.lists) order by k.code) where m.list_kinds = '{}';`,
    );
    this.addSql(`alter table "sanctions"."measure" alter column "list_kinds" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."list_kind" cascade;`);

    this.addSql(
      `alter table "sanctions"."list_entry" drop column "list_kind", drop column "designating_authority_kind", drop column "designating_authority", drop column "kind_announced";`,
    );

    this.addSql(`alter table "sanctions"."measure" drop column "basis_kind", drop column "list_kinds";`);
  }
}
