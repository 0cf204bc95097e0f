import { boundQuery } from './bound-query';
import type { EntityManager } from './orm';

/** Runs one statement with `?` parameters in the caller's transaction (an event handler's, or a migration's). */
export type RunSql = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** RunSql over an entity manager: its transaction when it has one, with real bind parameters. */
export function runOn(em: EntityManager): RunSql {
  return (sql, params) => boundQuery(em, sql, params);
}

/**
 * What one table needs to recompute the deadlines it stored: the rows to look at (locked), how
 * to count one again, and how to write the rows whose answer changed. The SQL stays with the
 * subgraph that owns the table; only the order of the steps is shared.
 */
export interface StoredDeadlines<Row, Changed> {
  /** `select … for update`: the rows whose deadline was provisional, missing, or counted over the notice's dates. */
  select: { sql: string; params: unknown[] };
  /** The row as it is to be written, or null when its stored answer stays (unchanged, or still beyond the calendar). */
  recount: (row: Row) => Changed | null;
  /** `update … from jsonb_to_recordset(?::jsonb) …`: the one parameter is the changed rows as JSON. */
  update: string;
}

/**
 * Stored deadlines again, after the calendar changed: selects, counts each row again and writes
 * only the rows whose answer differs, in one statement, so running it twice changes nothing.
 * Returns how many rows changed.
 */
export async function recomputeStoredDeadlines<Row, Changed>(
  run: RunSql,
  table: StoredDeadlines<Row, Changed>,
): Promise<number> {
  const rows = await run<Row>(table.select.sql, table.select.params);
  const changed: Changed[] = [];
  for (const row of rows) {
    const next = table.recount(row);
    if (next !== null) changed.push(next);
  }
  if (changed.length > 0) await run(table.update, [JSON.stringify(changed)]);
  return changed.length;
}
