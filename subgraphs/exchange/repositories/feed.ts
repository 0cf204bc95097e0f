import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { ExchangeRecordKind, RecordSnapshot } from '../../../shared/exchange/record-snapshot';
import { ReceiverKind } from '../entities/enums';
import type { LineRules, LineSpec } from '../rules/catalogue';
import { holding, PlannedEntry } from '../rules/feed-plan';

/** A catalogue line in force, for an active receiver, with the catalogue's version. */
export interface LineInForce extends LineSpec {
  catalogueVersion: number;
}

/** The lines of the highest catalogue version whose receivers are active: one statement. */
export async function linesInForce(em: EntityManager): Promise<LineInForce[]> {
  const rows = await boundQuery<{
    receiver_code: string;
    kind: ExchangeRecordKind;
    fields: string[] | null;
    rules: LineRules;
    version: number;
  }>(
    em,
    `select l.receiver_code, l.kind, l.fields, l.rules, v.version
       from exchange.catalogue_version v
       join exchange.catalogue_line l on l.version_id = v.id
       join exchange.receiver r on r.code = l.receiver_code and r.active
      where v.version = (select max(version) from exchange.catalogue_version)`,
    [],
  );
  return rows.map((r) => ({
    receiverCode: r.receiver_code,
    kind: r.kind,
    fields: r.fields,
    rules: r.rules,
    catalogueVersion: r.version,
  }));
}

/**
 * Stores the latest snapshot of each record (one statement); a version not newer than the stored one changes
 * nothing. Returns the records that advanced (only those go on to the feeds), and of those the ones updated
 * rather than first seen (only those can be held by a receiver).
 */
export async function upsertRecordStates(
  em: EntityManager,
  snapshots: RecordSnapshot[],
): Promise<{ advanced: Set<string>; seenBefore: Set<string> }> {
  const rows = await boundQuery<{ kind: string; key: string; inserted: boolean }>(
    em,
    `insert into exchange.record_state (kind, key, version, state, subject_uscc, snapshot, changed_at)
     select r.kind, r.key, r.version, r.state, r.uscc, r.snapshot, r.changed_at
       from jsonb_to_recordset(?::jsonb)
         as r(kind text, key text, version bigint, state text, uscc text, snapshot jsonb, changed_at timestamptz)
     on conflict (kind, key) do update
       set version = excluded.version, state = excluded.state, subject_uscc = excluded.subject_uscc,
           snapshot = excluded.snapshot, changed_at = excluded.changed_at
       where record_state.version < excluded.version
     returning kind, key, (xmax = 0) as inserted`,
    [
      JSON.stringify(
        snapshots.map((s) => ({
          kind: s.kind,
          key: s.key,
          version: s.version,
          state: s.state,
          uscc: s.subject.uscc,
          snapshot: s,
          changed_at: s.changedAt,
        })),
      ),
    ],
  );
  return {
    advanced: new Set(rows.map((r) => `${r.kind}:${r.key}`)),
    seenBefore: new Set(rows.filter((r) => !r.inserted).map((r) => `${r.kind}:${r.key}`)),
  };
}

/**
 * Which active receivers hold a copy of which of these records: their last RECORD entry for it is an UPSERT.
 * One statement, an index look-up per record (the partial index on kind, key, receiver, seq); returns holding
 * ids (rules/feed-plan.ts).
 */
export async function holders(em: EntityManager, records: { kind: string; key: string }[]): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const rows = await boundQuery<{ receiver_code: string; kind: string; key: string }>(
    em,
    `select h.receiver_code, k.kind, k.key
       from unnest(?::text[], ?::text[]) as k(kind, key)
      cross join lateral (
        select distinct on (f.receiver_code) f.receiver_code, f.operation
          from exchange.feed_entry f
         where f.topic = 'RECORD' and f.kind = k.kind and f.key = k.key
         order by f.receiver_code, f.seq desc) h
       join exchange.receiver r on r.code = h.receiver_code and r.active
      where h.operation = 'UPSERT'`,
    [records.map((r) => r.kind), records.map((r) => r.key)],
  );
  return new Set(rows.map((r) => holding(r.receiver_code, r.kind, r.key)));
}

/**
 * Appends entries to their receivers' feeds in two statements, however many: each receiver's row is locked (in
 * code order, so two appenders never deadlock) and its counter moved on by its number of entries
 * (`update receiver set last_seq = last_seq + n … returning`), then the entries are inserted with the seqs
 * taken, in the order given. Gap-free and ordered per receiver; entry_id (the idempotency key) is new.
 */
export async function appendToFeed(em: EntityManager, entries: readonly PlannedEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.receiverCode, (counts.get(e.receiverCode) ?? 0) + 1);
  const codes = [...counts.keys()].sort();
  const moved = await boundQuery<{ code: string; last_seq: string }>(
    em,
    `with wanted as (select * from unnest(?::text[], ?::int[]) as w(code, n)),
          locked as (select r.code from exchange.receiver r join wanted w on w.code = r.code order by r.code for update of r)
     update exchange.receiver r set last_seq = r.last_seq + w.n
       from wanted w join locked l on l.code = w.code
      where r.code = w.code
     returning r.code, r.last_seq`,
    [codes, codes.map((c) => counts.get(c))],
  );
  const next = new Map(moved.map((m) => [m.code, BigInt(m.last_seq) - BigInt(counts.get(m.code) ?? 0)]));
  const rows = entries.map((e) => {
    const seq = (next.get(e.receiverCode) ?? 0n) + 1n;
    next.set(e.receiverCode, seq);
    return {
      receiver_code: e.receiverCode,
      seq: seq.toString(),
      topic: e.topic,
      kind: e.kind,
      key: e.key,
      version: e.version,
      operation: e.operation,
      payload: e.payload,
      catalogue_version: e.catalogueVersion,
    };
  });
  await boundQuery(
    em,
    `insert into exchange.feed_entry (receiver_code, seq, entry_id, topic, kind, key, version, operation, payload, catalogue_version, created_at)
     select e.receiver_code, e.seq, gen_random_uuid(), e.topic, e.kind, e.key, e.version, e.operation, e.payload, e.catalogue_version, now()
       from jsonb_to_recordset(?::jsonb)
         as e(receiver_code text, seq bigint, topic text, kind text, key text, version bigint, operation text, payload jsonb, catalogue_version int)`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}

/** The active DEPARTMENT receivers watching each of these codes: one statement. */
export async function watchersOf(
  em: EntityManager,
  usccs: string[],
): Promise<{ receiverCode: string; uscc: string }[]> {
  if (usccs.length === 0) return [];
  const rows = await boundQuery<{ receiver_code: string; uscc: string }>(
    em,
    `select w.receiver_code, w.uscc from exchange.watch w
       join exchange.receiver r on r.code = w.receiver_code and r.active and r.kind = ?
      where w.uscc = any(?::text[])
      order by w.receiver_code, w.uscc`,
    [ReceiverKind.DEPARTMENT, usccs],
  );
  return rows.map((r) => ({ receiverCode: r.receiver_code, uscc: r.uscc }));
}
