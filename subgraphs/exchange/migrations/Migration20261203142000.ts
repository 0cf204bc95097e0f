import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17, delivery: how far each receiver's feed has been pushed (delivery_state), the batches set
 * aside after failing too long (dead_letter), and the reconciliation runs with what they found.
 * The receiver and feed tables are the exchange's first migration's.
 */
export class Migration20261203142000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "exchange"."delivery_state" ("receiver_code" text not null, "delivered_seq" bigint not null default 0, "attempts" int not null default 0, "failing_since" timestamptz null, "next_attempt_at" timestamptz null, "last_error" text null, "last_success_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint "delivery_state_pkey" primary key ("receiver_code"), constraint "delivery_state_receiver_code_foreign" foreign key ("receiver_code") references "exchange"."receiver" ("code") on update cascade on delete cascade);`,
    );
    this.addSql(
      `create table "exchange"."dead_letter" ("id" uuid not null default gen_random_uuid(), "receiver_code" text not null, "from_seq" bigint not null, "to_seq" bigint not null, "attempts" int not null, "last_error" text null, "created_at" timestamptz not null default now(), "replay_requested_at" timestamptz null, "replayed_at" timestamptz null, constraint "dead_letter_pkey" primary key ("id"), constraint "dead_letter_receiver_code_foreign" foreign key ("receiver_code") references "exchange"."receiver" ("code") on update cascade on delete cascade);`,
    );
    this.addSql(
      `create index "dead_letter_receiver_code_created_at_index" on "exchange"."dead_letter" ("receiver_code", "created_at");`,
    );
    this.addSql(
      `create index "dead_letter_replay_pending_index" on "exchange"."dead_letter" ("receiver_code", "from_seq") where "replay_requested_at" is not null and "replayed_at" is null;`,
    );
    this.addSql(
      `create table "exchange"."reconciliation" ("id" uuid not null default gen_random_uuid(), "receiver_code" text not null, "kind" text check ("kind" in ('PENALTY', 'LICENSE', 'LIST_ENTRY')) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "our_count" int not null default 0, "their_count" int null, "our_digest" text null, "their_digest" text null, "missing" jsonb not null default '[]', "stale" jsonb not null default '[]', "extra" jsonb not null default '[]', "resent" int not null default 0, "error" text null, "requested_by" text not null, constraint "reconciliation_pkey" primary key ("id"), constraint "reconciliation_receiver_code_foreign" foreign key ("receiver_code") references "exchange"."receiver" ("code") on update cascade on delete cascade);`,
    );
    this.addSql(
      `create index "reconciliation_receiver_code_started_at_index" on "exchange"."reconciliation" ("receiver_code", "started_at");`,
    );
  }
}
