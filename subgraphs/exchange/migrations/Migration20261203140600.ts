import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_CATALOGUE_LINES, DEFAULT_CATALOGUE_SOURCE, DEFAULT_RECEIVERS } from '../rules/catalogue-defaults';

const S = '"exchange"';

/**
 * Issue 17: the exchange schema (the tables agreed with the delivery helper, /docs/EXCHANGE.md): receivers and
 * their feed counters, the sharing catalogue (共享交换目录) by version, the latest state of every catalogued
 * record, each receiver's feed, departments' watches, and the audit trail of catalogue and receiver changes.
 * Version 1 of the catalogue: the city and provincial platforms, pull-only (rules/catalogue-defaults.ts,
 * source: §6 of the work points and its attachment — 根据市、区公共信用信息共享交换目录，按要求将信用信息归集至市信用信息共享平台).
 */
export class Migration20261203140600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists ${S};`);
    this.addSql(
      `create table ${S}."applied_event" ("id" uuid not null, "type" varchar(64) not null, "applied_at" timestamptz not null, constraint "applied_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table ${S}."receiver" ("code" text not null, "name" text not null, "kind" text check ("kind" in ('PLATFORM', 'DEPARTMENT')) not null, "client_id" text null, "department_code" text null, "push_url" text null, "push_secret" text null, "reconcile_url" text null, "active" boolean not null default true, "last_seq" bigint not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "receiver_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "receiver_client_id_index" on ${S}."receiver" ("client_id");`);
    this.addSql(`create index "receiver_department_code_index" on ${S}."receiver" ("department_code");`);
    this.addSql(
      `create table ${S}."catalogue_version" ("id" uuid not null default gen_random_uuid(), "version" int not null, "note" text not null, "published_by" text not null, "published_at" timestamptz not null, constraint "catalogue_version_pkey" primary key ("id"), constraint "catalogue_version_version_unique" unique ("version"));`,
    );
    this.addSql(
      `create table ${S}."catalogue_line" ("id" uuid not null default gen_random_uuid(), "version_id" uuid not null references ${S}."catalogue_version" ("id"), "receiver_code" text not null references ${S}."receiver" ("code"), "kind" text check ("kind" in ('PENALTY', 'LICENSE', 'LIST_ENTRY')) not null, "fields" text[] null, "rules" jsonb not null, constraint "catalogue_line_pkey" primary key ("id"), constraint "catalogue_line_version_id_receiver_code_kind_unique" unique ("version_id", "receiver_code", "kind"));`,
    );
    this.addSql(
      `create table ${S}."record_state" ("kind" text check ("kind" in ('PENALTY', 'LICENSE', 'LIST_ENTRY')) not null, "key" text not null, "version" bigint not null, "state" text check ("state" in ('ACTIVE', 'WITHDRAWN')) not null, "subject_uscc" text null, "snapshot" jsonb not null, "changed_at" timestamptz not null, constraint "record_state_pkey" primary key ("kind", "key"));`,
    );
    this.addSql(`create index "record_state_subject_uscc_index" on ${S}."record_state" ("subject_uscc");`);
    this.addSql(
      `create table ${S}."feed_entry" ("receiver_code" text not null references ${S}."receiver" ("code"), "seq" bigint not null, "entry_id" uuid not null, "topic" text check ("topic" in ('RECORD', 'SCREENING')) not null, "kind" text check ("kind" in ('PENALTY', 'LICENSE', 'LIST_ENTRY')) null, "key" text not null, "version" bigint not null, "operation" text check ("operation" in ('UPSERT', 'WITHDRAW', 'SCREENING')) not null, "payload" jsonb not null, "catalogue_version" int null, "created_at" timestamptz not null default now(), constraint "feed_entry_pkey" primary key ("receiver_code", "seq"), constraint "feed_entry_entry_id_unique" unique ("entry_id"));`,
    );
    // Who holds a record: each receiver's last entry for it (a withdrawal must reach those that do).
    this.addSql(
      `create index "feed_entry_kind_key_receiver_code_seq_index" on ${S}."feed_entry" ("kind", "key", "receiver_code", "seq") where "topic" = 'RECORD';`,
    );
    this.addSql(
      `create table ${S}."watch" ("receiver_code" text not null references ${S}."receiver" ("code"), "uscc" text not null, "created_at" timestamptz not null default now(), constraint "watch_pkey" primary key ("receiver_code", "uscc"));`,
    );
    this.addSql(`create index "watch_uscc_index" on ${S}."watch" ("uscc");`);
    this.addSql(
      `create table ${S}."exchange_change" ("id" uuid not null default gen_random_uuid(), "action" text check ("action" in ('CATALOGUE_PUBLISHED', 'RECEIVER_REGISTERED', 'RECEIVER_UPDATED')) not null, "receiver_code" text null, "catalogue_version" int null, "actor_sub" text not null, "actor_org" text null, "occurred_at" timestamptz not null, "detail" jsonb not null, constraint "exchange_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "exchange_change_receiver_code_occurred_at_index" on ${S}."exchange_change" ("receiver_code", "occurred_at");`,
    );

    const knex = this.getKnex();
    const insert = (table: string, rows: Record<string, unknown>[]) =>
      this.addSql(knex.insert(rows).into(table).withSchema('exchange').toQuery());
    insert(
      'receiver',
      DEFAULT_RECEIVERS.map((r) => ({ code: r.code, name: r.name, kind: 'PLATFORM', client_id: r.code, active: true })),
    );
    const versionId = '00000000-0000-4000-8000-000000000001';
    insert('catalogue_version', [
      {
        id: versionId,
        version: 1,
        note: DEFAULT_CATALOGUE_SOURCE,
        published_by: 'migration',
        published_at: knex.fn.now(),
      },
    ]);
    insert(
      'catalogue_line',
      DEFAULT_CATALOGUE_LINES.map((line) => ({
        version_id: versionId,
        receiver_code: line.receiverCode,
        kind: line.kind,
        fields: line.fields,
        rules: JSON.stringify(line.rules),
      })),
    );
    insert('exchange_change', [
      {
        action: 'CATALOGUE_PUBLISHED',
        catalogue_version: 1,
        actor_sub: 'migration',
        occurred_at: knex.fn.now(),
        detail: JSON.stringify({ receivers: DEFAULT_RECEIVERS, lines: DEFAULT_CATALOGUE_LINES }),
      },
    ]);
  }
}
