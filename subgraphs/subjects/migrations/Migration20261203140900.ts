import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17 (§6, 提高接口调用方式的比例): each submission records the channel it arrived by — INTERFACE,
 * FILE or MANUAL, as the gateway signed it into the principal. Rows written before are UNKNOWN: nothing
 * about them tells the channel reliably (a row number can be sent by any API caller; the token was never
 * kept), so they are not guessed; publicityQuality counts them apart and leaves them out of the share.
 * The default also covers a row written by code that does not set the channel.
 */
export class Migration20261203140900 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "subjects"."submission" add column "channel" text check ("channel" in ('INTERFACE', 'FILE', 'MANUAL', 'UNKNOWN')) not null default 'UNKNOWN';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."submission" drop column "channel";`);
  }
}
