import pg from 'pg';
import { EVENT_BUS_APPLICATION } from '../events/bus';
import { sqlStatements } from '../metrics/sql-statements';

/**
 * Counts the SQL statements this process sends, at the driver. The count is
 * exposed on /metrics (gusu_sql_statements_total) so tests can prove an operation's statement count does not
 * grow with the number of subjects it touches (no N+1).
 */
let installed = false;

export function countSqlStatements(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(
    this: pg.Client & { connectionParameters?: { application_name?: string } },
    ...args: unknown[]
  ) {
    // The event bus polls on connections of its own; those are not the operation's statements.
    if (this.connectionParameters?.application_name !== EVENT_BUS_APPLICATION) sqlStatements.inc();
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}
