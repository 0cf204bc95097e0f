import { Counter } from 'prom-client';
import { metricsRegistry } from './registry';

/** Read by the tests (test/support/gateway.ts) to prove an operation's statement count does not grow with its subjects. */
export const sqlStatements = new Counter({
  name: 'gusu_sql_statements_total',
  help: 'SQL statements sent to the database by this process for requests (the event bus connections are not counted).',
  registers: [metricsRegistry],
});
