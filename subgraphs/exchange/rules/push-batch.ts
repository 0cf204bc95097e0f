/**
 * Cutting a receiver's backlog into one push batch (docs/EXCHANGE.md, "Push delivery"): consecutive
 * entries from the first undelivered one, at most `maxEntries`, and stopped before the entry whose
 * serialised form would take the body past `maxBodyBytes` — but never empty: one entry larger than the
 * limit travels alone (a receiver must accept it or it dead-letters).
 */
export interface BatchLimits {
  maxEntries: number;
  maxBodyBytes: number;
}

export interface PushBatch<T> {
  batchId: string;
  fromSeq: number;
  toSeq: number;
  entries: T[];
  body: string;
}

/** The idempotency key of a batch: the receiver and the seq range it carries, e.g. `suzhou-city:18-517`. */
export function batchIdOf(receiver: string, fromSeq: number, toSeq: number): string {
  return `${receiver}:${fromSeq}-${toSeq}`;
}

/**
 * The batch for `receiver` from `candidates` (ordered by seq, each with its seq): the body is
 * `{ receiver, batchId, entries }` as sent, so the byte count is the real one.
 */
export function cutBatch<T extends { seq: string }>(
  receiver: string,
  candidates: readonly T[],
  limits: BatchLimits,
): PushBatch<T> | null {
  if (candidates.length === 0) return null;
  const entries: T[] = [];
  const parts: string[] = [];
  // The envelope around the entries, with the longest batch id this cut can have.
  const lastSeq = candidates[Math.min(candidates.length, limits.maxEntries) - 1].seq;
  let bytes = Buffer.byteLength(
    JSON.stringify({ receiver, batchId: `${receiver}:${lastSeq}-${lastSeq}`, entries: [] }),
  );
  for (const candidate of candidates.slice(0, limits.maxEntries)) {
    const part = JSON.stringify(candidate);
    const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
    if (entries.length > 0 && bytes + size > limits.maxBodyBytes) break;
    entries.push(candidate);
    parts.push(part);
    bytes += size;
  }
  const fromSeq = Number(entries[0].seq);
  const toSeq = Number(entries[entries.length - 1].seq);
  const batchId = batchIdOf(receiver, fromSeq, toSeq);
  const body = `{"receiver":${JSON.stringify(receiver)},"batchId":${JSON.stringify(batchId)},"entries":[${parts.join(',')}]}`;
  return { batchId, fromSeq, toSeq, entries, body };
}
