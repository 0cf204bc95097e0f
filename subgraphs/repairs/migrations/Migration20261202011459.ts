import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, part 3: what repairs knows of a list entry's kind and designating authority
 * (谁认定、谁修复). Facts recorded before keep their rows; the kind is backfilled where the
 * list and designating department leave no doubt, and otherwise left null: such an entry
 * is refused as NOT_REPAIRABLE ("kind not known here yet") until sanctions announces it
 * again, rather than decided by the wrong body.
 */
export class Migration20261202011459 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "repairs"."list_entry_fact" add column "list_kind" varchar(48) null, add column "designating_authority_kind" varchar(32) null, add column "designating_authority" text null, add column "repairable_here" boolean null, add column "turn_to" text null;`,
    );
    // Red lists are never repaired; a watch-list entry was always a district department's own.
    this.addSql(
      `update "repairs"."list_entry_fact" set list_kind = 'LOCAL_TRUSTWORTHY', designating_authority_kind = 'LOCAL_DEPARTMENT', designating_authority = decided_by_code, repairable_here = false where list = 'RED' and list_kind is null;`,
    );
    this.addSql(
      `update "repairs"."list_entry_fact" set list_kind = 'KEY_ATTENTION', designating_authority_kind = 'LOCAL_DEPARTMENT', designating_authority = decided_by_code, repairable_here = true where list = 'WATCH' and list_kind is null;`,
    );
    // A black entry of the tax bureau is the tax authority's own list (重大税收违法失信主体): repaired by it, not here.
    this.addSql(
      `update "repairs"."list_entry_fact" set list_kind = 'MAJOR_TAX_VIOLATION', designating_authority_kind = 'TAX', designating_authority = '作出确定的税务机关', repairable_here = false, turn_to = '作出确定的税务机关 (按其规定申请提前停止公布)' where list = 'BLACK' and decided_by_code = 'gusu.swj' and list_kind is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "repairs"."list_entry_fact" drop column "list_kind", drop column "designating_authority_kind", drop column "designating_authority", drop column "repairable_here", drop column "turn_to";`,
    );
  }
}
