/**
 * Of several rows for one key, the one applying them in order of `at` would leave (of equal times, the later in
 * the list): what a set-based upsert is offered, since one statement may not update a row twice.
 */
export function latestPerKey<T>(rows: readonly T[], key: (row: T) => string, at: (row: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const known = latest.get(key(row));
    if (!known || Date.parse(at(row)) >= Date.parse(at(known))) latest.set(key(row), row);
  }
  return [...latest.values()];
}
