/** What a request caches: a DataLoader, or anything else with a cache to drop. */
interface Cache {
  clearAll(): unknown;
}

const isCache = (value: unknown): value is Cache =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Cache>).clearAll === 'function';

/**
 * After a write, what the request's loaders cached may be stale (a document may
 * hold several mutations): every cache among them is dropped, so no write has
 * to know which loaders read the rows it changed.
 */
export function forget(loaders: object): void {
  for (const value of Object.values(loaders)) if (isCache(value)) value.clearAll();
}
