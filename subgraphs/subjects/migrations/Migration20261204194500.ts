import { Migration } from '@mikro-orm/migrations';

/**
 * Time-ordered ids for the audit log (UUID version 7: 48 bits of Unix milliseconds, then random bits; PostgreSQL
 * 15 has no uuidv7()). With random ids every audit row went to a random page of the primary key's index; the
 * log takes 10,000 rows for one screening, and appending them at the index's right edge took the insert of
 * 10,000 rows on a log of 1.8 million from 290–410 to about 200 ms of PostgreSQL time (docs/PERFORMANCE.md).
 */
export class Migration20261204194500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create or replace function "subjects"."time_ordered_uuid"() returns uuid language sql volatile as $$
         select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                  from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
       $$;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function "subjects"."time_ordered_uuid"();`);
  }
}
