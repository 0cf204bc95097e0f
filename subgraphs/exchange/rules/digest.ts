import { createHash } from 'node:crypto';

/**
 * Reconciliation's comparison (docs/EXCHANGE.md, "Reconciliation"): what a receiver should hold of one
 * kind is a set of (key, version); both sides summarise it as a count and a SHA-256 over the sorted
 * `key:version` lines joined by `\n` (keys sorted by code unit, as JavaScript and PostgreSQL's "C"
 * collation sort them), so two equal sets give the same digest whatever order they were read in.
 */
export interface KeyVersion {
  key: string;
  version: number;
}

function byKey(a: KeyVersion, b: KeyVersion): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The digest of a set of keys and versions (hex); the empty set's is SHA-256 of the empty string. */
export function setDigest(items: readonly KeyVersion[]): string {
  const hash = createHash('sha256');
  const sorted = [...items].sort(byKey);
  sorted.forEach((item, index) => hash.update(`${index > 0 ? '\n' : ''}${item.key}:${item.version}`));
  return hash.digest('hex');
}

export interface SetDifference {
  /** Ours, absent from theirs: sent again as UPSERT. */
  missing: KeyVersion[];
  /** Held with another version than ours (listed with ours): sent again as UPSERT. */
  stale: KeyVersion[];
  /** Theirs only (with their version): a record they should not hold, sent as WITHDRAW. */
  extra: KeyVersion[];
}

/** What differs between what we say a receiver should hold and what it reports, each sorted by key. */
export function setDifference(ours: readonly KeyVersion[], theirs: readonly KeyVersion[]): SetDifference {
  const theirsByKey = new Map(theirs.map((t) => [t.key, t.version]));
  const oursByKey = new Map(ours.map((o) => [o.key, o.version]));
  const missing: KeyVersion[] = [];
  const stale: KeyVersion[] = [];
  const extra: KeyVersion[] = [];
  for (const o of ours) {
    const version = theirsByKey.get(o.key);
    if (version === undefined) missing.push(o);
    else if (version !== o.version) stale.push(o);
  }
  for (const t of theirs) if (!oursByKey.has(t.key)) extra.push(t);
  return { missing: missing.sort(byKey), stale: stale.sort(byKey), extra: extra.sort(byKey) };
}
