import { Migration } from '@mikro-orm/migrations';

/**
 * The subject's own 公共信用信息报告, asked for by the subject itself (issue 18): no issuing department
 * (issuer_org and its name null: the platform issues it, the subject's login is who asked), and a natural
 * person's report has no 统一社会信用代码. Reports issued before keep every value they had.
 */
export class Migration20261204013646 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports"."credit_report" alter column "subject_uscc" drop not null;`);
    this.addSql(`alter table "reports"."credit_report" alter column "issuer_org" drop not null;`);
    this.addSql(`alter table "reports"."credit_report" alter column "issuer_org_name" drop not null;`);
  }
}
