import type pg from 'pg';
import { releaseSessionLock, trySessionLock } from '../../../shared/db/advisory-lock';
import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { ExchangeRecordKind, RecordSnapshot } from '../../../shared/exchange/record-snapshot';
import { appendToFeed } from '../repositories/feed';
import { filterSnapshot, lineMatches, LineRules, LineSpec } from '../rules/catalogue';
import { KeyVersion, setDifference, setDigest } from '../rules/digest';
import type { PlannedEntry } from '../rules/feed-plan';

/**
 * Reconciliation (对账, docs/EXCHANGE.md, "Reconciliation"), per receiver and kind: what the receiver
 * should hold — the ACTIVE records of record_state that its current catalogue line shares — as a count and
 * a digest over sorted `key:version` lines, compared with what it exposes at its reconcile URL
 * (`GET <reconcile_url>?kind=PENALTY` → `{ count, digest, keys: [{ key, version }] }`). What differs is
 * written to the reconciliation row and sent again as new feed entries in the same transaction: UPSERT for
 * a missing or stale record, WITHDRAW for one it should not hold (repositories/feed.ts appendToFeed, the
 * feed's one writer). One run per receiver at a time, across processes: a session advisory lock on a
 * connection of the delivery pool, since the run calls the receiver between statements.
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

export function reconcileLockKey(receiver: string): string {
  return `exchange.reconcile:${receiver}`;
}

/** The receiver's current catalogue lines (the highest published version), by kind. */
async function currentLines(em: EntityManager, receiver: string): Promise<Map<ExchangeRecordKind, LineRow>> {
  const rows = await boundQuery<LineRow>(
    em,
    `select l.kind, l.fields, l.rules, v.version from exchange.catalogue_line l
     join exchange.catalogue_version v on v.id = l.version_id
     where l.receiver_code = ? and v.version = (select max(version) from exchange.catalogue_version)`,
    [receiver],
  );
  return new Map(rows.map((r) => [r.kind, r]));
}

function spec(receiver: string, line: LineRow): LineSpec {
  return { receiverCode: receiver, kind: line.kind, fields: line.fields, rules: line.rules };
}

/** Ours: the ACTIVE records of `kind` the line shares, read in pages by key. */
async function ourSet(
  em: EntityManager,
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
    const page = await boundQuery<StateRow>(
      em,
      `select key, version, state, snapshot from exchange.record_state
       where kind = ? and state = 'ACTIVE' and key > ? order by key limit ?`,
      [kind, after, pageSize],
    );
    for (const row of page)
      if (lineMatches(lineSpec, row.snapshot)) ours.push({ key: row.key, version: Number(row.version) });
    if (page.length < pageSize) return ours;
    after = page[page.length - 1].key;
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
  em: EntityManager,
  receiver: string,
  kind: ExchangeRecordKind,
  line: LineRow | undefined,
  upserts: KeyVersion[],
  extra: KeyVersion[],
  catalogueVersion: number | null,
): Promise<PlannedEntry[]> {
  const keys = [...upserts, ...extra].map((k) => k.key);
  if (keys.length === 0) return [];
  const found = await boundQuery<StateRow>(
    em,
    `select key, version, state, snapshot from exchange.record_state where kind = ? and key = any(?::text[])`,
    [kind, keys],
  );
  const byKey = new Map(found.map((r) => [r.key, r]));
  const entry = (key: string, version: number, operation: 'UPSERT' | 'WITHDRAW', payload: RecordSnapshot) =>
    ({ receiverCode: receiver, topic: 'RECORD', kind, key, version, operation, payload, catalogueVersion }) as const;
  const entries: PlannedEntry[] = [];
  for (const wanted of upserts) {
    const row = byKey.get(wanted.key);
    if (row && line)
      entries.push(entry(row.key, Number(row.version), 'UPSERT', filterSnapshot(spec(receiver, line), row.snapshot)));
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
    const reason = row?.snapshot.withdrawalReason ?? 'REMOVED';
    entries.push(
      entry(theirs.key, version, 'WITHDRAW', { ...base, version, state: 'WITHDRAWN', withdrawalReason: reason }),
    );
  }
  return entries;
}

/** One kind of one receiver: the reconciliation row's id. */
async function reconcileKind(
  em: EntityManager,
  receiver: { code: string; reconcileUrl: string | null },
  kind: ExchangeRecordKind,
  line: LineRow | undefined,
  requestedBy: string,
  options: Required<ReconcileOptions>,
): Promise<string> {
  const [started] = await boundQuery<{ id: string }>(
    em,
    `insert into exchange.reconciliation (receiver_code, kind, started_at, requested_by) values (?, ?, now(), ?) returning id`,
    [receiver.code, kind, requestedBy],
  );
  const ours = await ourSet(em, receiver.code, kind, line, options.pageSize);
  const ourDigest = setDigest(ours);
  let theirs: TheirSet;
  try {
    if (!receiver.reconcileUrl) throw new Error('the receiver has no reconcile URL');
    theirs = await theirSet(receiver.reconcileUrl, kind, options.timeoutMs);
  } catch (error) {
    await boundQuery(
      em,
      `update exchange.reconciliation set finished_at = now(), our_count = ?, our_digest = ?, error = ? where id = ?`,
      [ours.length, ourDigest, (error instanceof Error ? error.message : String(error)).slice(0, 500), started.id],
    );
    return started.id;
  }
  const difference = setDifference(ours, theirs.keys);
  // The differences, the entries that mend them and the row that lists them: one transaction.
  await em.transactional(async (tx) => {
    const entries = await resendEntries(
      tx,
      receiver.code,
      kind,
      line,
      [...difference.missing, ...difference.stale],
      difference.extra,
      line?.version ?? null,
    );
    await appendToFeed(tx, entries);
    await boundQuery(
      tx,
      `update exchange.reconciliation set finished_at = now(), our_count = ?, their_count = ?, our_digest = ?,
         their_digest = ?, missing = ?::jsonb, stale = ?::jsonb, extra = ?::jsonb, resent = ? where id = ?`,
      [
        ours.length,
        theirs.count,
        ourDigest,
        theirs.digest,
        JSON.stringify(difference.missing),
        JSON.stringify(difference.stale),
        JSON.stringify(difference.extra),
        entries.length,
        started.id,
      ],
    );
  });
  return started.id;
}

/**
 * Reconciles `kinds` of `receiver` (default: the kinds its current catalogue names); the ids of the
 * reconciliation rows, one per kind. Throws ReconciliationBusy when another run holds the receiver.
 */
export async function reconcileReceiver(
  pool: pg.Pool,
  em: EntityManager,
  receiverCode: string,
  kinds: ExchangeRecordKind[] | null,
  requestedBy: string,
  options: ReconcileOptions = {},
): Promise<string[]> {
  const settings: Required<ReconcileOptions> = {
    timeoutMs: options.timeoutMs ?? 60_000,
    pageSize: options.pageSize ?? 10_000,
  };
  const lockHolder = await pool.connect();
  const lockKey = reconcileLockKey(receiverCode);
  let locked = false;
  try {
    locked = await trySessionLock(lockHolder, lockKey);
    if (!locked) throw new ReconciliationBusy(receiverCode);
    const [found] = await boundQuery<{ code: string; reconcile_url: string | null }>(
      em,
      `select code, reconcile_url from exchange.receiver where code = ?`,
      [receiverCode],
    );
    if (!found) return [];
    const receiver = { code: found.code, reconcileUrl: found.reconcile_url };
    const lines = await currentLines(em, receiverCode);
    const ids: string[] = [];
    for (const kind of kinds ?? [...lines.keys()].sort())
      ids.push(await reconcileKind(em, receiver, kind, lines.get(kind), requestedBy, settings));
    return ids;
  } finally {
    if (locked) await releaseSessionLock(lockHolder, lockKey).catch(() => undefined);
    lockHolder.release();
  }
}
