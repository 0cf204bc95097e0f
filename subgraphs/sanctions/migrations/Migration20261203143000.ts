import { Migration } from '@mikro-orm/migrations';
import { baselineScreeningVerdicts } from '../services/screening-verdicts';

/**
 * Issue 17: list entries go to the exchange (records.changed) with a version from
 * sanctions.exchange_version_seq; each subject's screening verdict as last announced
 * (screening.changed) is kept in screening_verdict. Its baseline is what screening says now, stored
 * here for the subjects already listed or graded, so the first change after deploy reports the
 * verdict it changes from.
 */
export class Migration20261203143000 extends Migration {
  override async up(): Promise<void> {
    // Run in order, now: the baseline below writes the table made here.
    await this.execute(`create sequence if not exists "sanctions"."exchange_version_seq";`);
    await this.execute(
      `create table "sanctions"."screening_verdict" ("subject_id" uuid not null, "verdict" varchar(16) not null, "changed_at" timestamptz not null, constraint "screening_verdict_pkey" primary key ("subject_id"));`,
    );
    await baselineScreeningVerdicts(<T>(sql: string, params: unknown[]) => this.execute(sql, params) as Promise<T[]>);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sanctions"."screening_verdict" cascade;`);
    this.addSql(`drop sequence if exists "sanctions"."exchange_version_seq";`);
  }
}
