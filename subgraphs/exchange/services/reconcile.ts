import type pg from 'pg';
import { releaseSessionLock, trySessionLock } from '../../../shared/db/advisory-lock';
import type { ExchangeRecordKind, RecordSnapshot } from '../../../shared/exchange/record-snapshot';
import { filterSnapshot, lineMatches, LineRules, LineSpec } from '../rules/catalogue';
import { KeyVersion, setDifference, setDigest } from '../rules/digest';

/**
 * Reconciliation (对账, docs/EXCHANGE.md, "Reconciliation"), per receiver and kind: what the receiver
 * should hold — the ACTIVE records of record_state that its current catalogue line shares — as a count and
 * a digest over sorted `key:version` lines, compared with what it exposes at its reconcile URL
 * (`GET <reconcile_url>?kind=PENALTY` → `{ count, digest, keys: [{ key, version }] }`). What differs is
 * written to the reconciliation row and sent again as new feed entries, in the same transaction: UPSERT
 * for a missing or stale record, WITHDRAW for one it should not hold. One run per receiver at a time,
 * across processes (a session advisory lock: the run calls the receiver between statements).
 */
export class ReconciliationBusy extends Error {
  constructor(readonly receiver: string) {
    super(`a reconciliation of ${receiver} is running`);
  }
}

export interface ReconcileOptions {
  /** The receiver's answer must come within this (default 60 s: 100,000 keys are a few MB). */
  timeoutMs?: number;
  /** Rows of record_state read at a time. */
  pageSize?: number;
}

interface TheirSet {
  count: number;
  digest: string;
  keys: KeyVersion[];
}

interface StateRow {
  key: string;
  version: string;
  state: 'ACTIVE' | 'WITHDRAWN';
  snapshot: RecordSnapshot;
}

interface LineRow {
  kind: ExchangeRecordKind;
  fields: string[] | null;
  rules: LineRules;
  version: number;
}

interface NewEntry {
  key: string;
  version: number;
  operation: 'UPSERT' | 'WITHDRAW';
  payload: RecordSnapshot;
}

export function reconcileLockKey(receiver: string): string {
  return `exchange.reconcile:${receiver}`;
}

/** The receiver's current catalogue lines (the highest published version), by kind. */
async function currentLines(client: pg.PoolClient, receiver: string): Promise<Map<ExchangeRecordKind, LineRow>> {
  const rows = await client.query<LineRow>(
    `select l.kind, l.fields, l.rules, v.version from exchange.catalogue_line l
     join exchange.catalogue_version v on v.id = l.version_id
     where l.receiver_code = $1 and v.version = (select max(version) from exchange.catalogue_version)`,
    [receiver],
  );
  return new Map(rows.rows.map((r) => [r.kind, r]));
}

function spec(receiver: string, line: LineRow): LineSpec {
  return { receiverCode: receiver, kind: line.kind, fields: line.fields, rules: line.rules };
}

/** Ours: the ACTIVE records of `kind` the line shares, read in pages by key. */
async function ourSet(
  client: pg.PoolClient,
  receiver: string,
  kind: ExchangeRecordKind,
  line: LineRow | undefined,
  pageSize: number,
) {
  const ours: KeyVersion[] = [];
  if (!line) return ours;
  const lineSpec = spec(receiver, line);
  let after = '';
  for (;;) {
    const page = await client.query<StateRow>(
      `select key, version, state, snapshot from exchange.record_state
       where kind = $1 and state = 'ACTIVE' and key > $2 order by key limit $3`,
      [kind, after, pageSize],
    );
    for (const row of page.rows)
      if (lineMatches(lineSpec, row.snapshot)) ours.push({ key: row.key, version: Number(row.version) });
    if (page.rows.length < pageSize) return ours;
    after = page.rows[page.rows.length - 1].key;
  }
}

function isKeyVersion(value: unknown): value is KeyVersion {
  const item = value as KeyVersion;
  return (
    typeof item === 'object' && item !== null && typeof item.key === 'string' && Number.isFinite(Number(item.version))
  );
}

/** Theirs, from the reconcile URL; a malformed answer is an error of the run. */
async function theirSet(url: string, kind: string, timeoutMs: number): Promise<TheirSet> {
  const target = new URL(url);
  target.searchParams.set('kind', kind);
  const response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`reconcile URL answered HTTP ${response.status}`);
  const body = (await response.json()) as Partial<TheirSet>;
  if (
    typeof body.count !== 'number' ||
    typeof body.digest !== 'string' ||
    !Array.isArray(body.keys) ||
    !body.keys.every(isKeyVersion)
  )
    throw new Error('reconcile URL answered without { count, digest, keys: [{ key, version }] }');
  return {
    count: body.count,
    digest: body.digest,
    keys: body.keys.map((k) => ({ key: k.key, version: Number(k.version) })),
  };
}

/** The entries that make the receiver whole: our snapshot for missing and stale keys, a withdrawal for extra ones. */
async function resendEntries(
  client: pg.PoolClient,
  receiver: string,
  kind: ExchangeRecordKind,
  line: LineRow | undefined,
  upserts: KeyVersion[],
  extra: KeyVersion[],
): Promise<NewEntry[]> {
  const keys = [...upserts, ...extra].map((k) => k.key);
  if (keys.length === 0) return [];
  const found = await client.query<StateRow>(
    `select key, version, state, snapshot from exchange.record_state where kind = $1 and key = any($2::text[])`,
    [kind, keys],
  );
  const byKey = new Map(found.rows.map((r) => [r.key, r]));
  const entries: NewEntry[] = [];
  for (const wanted of upserts) {
    const row = byKey.get(wanted.key);
    if (row && line)
      entries.push({
        key: row.key,
        version: Number(row.version),
        operation: 'UPSERT',
        payload: filterSnapshot(spec(receiver, line), row.snapshot),
      });
  }
  for (const theirs of extra) {
    const row = byKey.get(theirs.key);
    // A key we never held travels with what the receiver told us: kind, key and its version.
    const base: RecordSnapshot = row
      ? line
        ? filterSnapshot(spec(receiver, line), row.snapshot)
        : { ...row.snapshot, fields: {} }
      : {
          kind,
          key: theirs.key,
          version: theirs.version,
          state: 'WITHDRAWN',
          withdrawalReason: 'REMOVED',
          subject: { id: '', uscc: null, name: '', kind: '' },
          fields: {},
          changedAt: new Date().toISOString(),
        };
    const version = Math.max(theirs.version, row ? Number(row.version) : 0);
    entries.push({
      key: theirs.key,
      version,
      operation: 'WITHDRAW',
      payload: { ...base, version, state: 'WITHDRAWN', withdrawalReason: row?.snapshot.withdrawalReason ?? 'REMOVED' },
    });
  }
  return entries;
}

/**
 * Appends entries to the receiver's feed in the caller's transaction: seq taken under the receiver row's
 * lock (update … returning), so the feed stays gap-free and ordered (the rule of the exchange's feed).
 */
async function appendToFeed(
  client: pg.PoolClient,
  receiver: string,
  kind: ExchangeRecordKind,
  catalogueVersion: number | null,
  entries: NewEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const taken = await client.query<{ last_seq: string }>(
    `update exchange.receiver set last_seq = last_seq + $2, updated_at = now() where code = $1 returning last_seq`,
    [receiver, entries.length],
  );
  const first = Number(taken.rows[0].last_seq) - entries.length + 1;
  await client.query(
    `insert into exchange.feed_entry (receiver_code, seq, entry_id, topic, kind, key, version, operation, payload, catalogue_version)
     select $1, $2::bigint + e.ordinality - 1, gen_random_uuid(), 'RECORD', $3, e.value->>'key', (e.value->>'version')::bigint,
            e.value->>'operation', e.value->'payload', $4
     from jsonb_array_elements($5::jsonb) with ordinality as e`,
    [receiver, first, kind, catalogueVersion, JSON.stringify(entries)],
  );
}

/** One kind of one receiver: the reconciliation row's id. */
async function reconcileKind(
  client: pg.PoolClient,
  receiver: { code: string; reconcileUrl: string | null },
  kind: ExchangeRecordKind,
  line: LineRow | undefined,
  requestedBy: string,
  options: Required<ReconcileOptions>,
): Promise<string> {
  const started = await client.query<{ id: string }>(
    `insert into exchange.reconciliation (receiver_code, kind, started_at, requested_by) values ($1, $2, now(), $3) returning id`,
    [receiver.code, kind, requestedBy],
  );
  const id = started.rows[0].id;
  const ours = await ourSet(client, receiver.code, kind, line, options.pageSize);
  const ourDigest = setDigest(ours);
  let theirs: TheirSet;
  try {
    if (!receiver.reconcileUrl) throw new Error('the receiver has no reconcile URL');
    theirs = await theirSet(receiver.reconcileUrl, kind, options.timeoutMs);
  } catch (error) {
    await client.query(
      `update exchange.reconciliation set finished_at = now(), our_count = $2, our_digest = $3, error = $4 where id = $1`,
      [id, ours.length, ourDigest, (error instanceof Error ? error.message : String(error)).slice(0, 500)],
    );
    return id;
  }
  const difference = setDifference(ours, theirs.keys);
  await client.query('begin');
  try {
    const entries = await resendEntries(
      client,
      receiver.code,
      kind,
      line,
      [...difference.missing, ...difference.stale],
      difference.extra,
    );
    await appendToFeed(client, receiver.code, kind, line?.version ?? null, entries);
    await client.query(
      `update exchange.reconciliation set finished_at = now(), our_count = $2, their_count = $3, our_digest = $4, their_digest = $5,
         missing = $6, stale = $7, extra = $8, resent = $9 where id = $1`,
      [
        id,
        ours.length,
        theirs.count,
        ourDigest,
        theirs.digest,
        JSON.stringify(difference.missing),
        JSON.stringify(difference.stale),
        JSON.stringify(difference.extra),
        entries.length,
      ],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return id;
}

/**
 * Reconciles `kinds` of `receiver` (default: the kinds its current catalogue names); the ids of the
 * reconciliation rows, one per kind. Throws ReconciliationBusy when another run holds the receiver.
 */
export async function reconcileReceiver(
  pool: pg.Pool,
  receiverCode: string,
  kinds: ExchangeRecordKind[] | null,
  requestedBy: string,
  options: ReconcileOptions = {},
): Promise<string[]> {
  const settings: Required<ReconcileOptions> = {
    timeoutMs: options.timeoutMs ?? 60_000,
    pageSize: options.pageSize ?? 10_000,
  };
  const client = await pool.connect();
  const lockKey = reconcileLockKey(receiverCode);
  let locked = false;
  try {
    locked = await trySessionLock(client, lockKey);
    if (!locked) throw new ReconciliationBusy(receiverCode);
    const found = await client.query<{ code: string; reconcile_url: string | null }>(
      `select code, reconcile_url from exchange.receiver where code = $1`,
      [receiverCode],
    );
    if (!found.rows[0]) return [];
    const receiver = { code: found.rows[0].code, reconcileUrl: found.rows[0].reconcile_url };
    const lines = await currentLines(client, receiverCode);
    const ids: string[] = [];
    for (const kind of kinds ?? [...lines.keys()])
      ids.push(await reconcileKind(client, receiver, kind, lines.get(kind), requestedBy, settings));
    return ids;
  } finally {
    if (locked) await releaseSessionLock(client, lockKey).catch(() => undefined);
    client.release();
  }
}
