/**
 * Runs one subgraph's event consumers without its HTTP server, e.g. to apply
 * events on another machine than the API, or to drain a backlog:
 *
 *   DATABASE_URL=postgres://… node dist/scripts/consume-events.js subjects
 *
 * The subgraph processes run the same consumers themselves.
 */
import 'reflect-metadata';
import { requireEnv } from '../shared/config/env';
import { SUBGRAPH_NAMES, SubgraphName } from '../shared/config/services';
import { openDatabase } from '../shared/db/orm';
import { startEventBus, stopEventBus } from '../shared/events/bus';
import { startConsumers } from '../shared/events/consume';
import type { SubgraphDefinition } from '../shared/http/subgraph-server';
import { createLogger } from '../shared/logging/logger';
import { runUntilSignal } from './run-until-signal';

runUntilSignal(async () => {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPH_NAMES.includes(name)) throw new Error(`usage: consume-events <${SUBGRAPH_NAMES.join('|')}>`);
  const logger = createLogger(`${name}-events`);
  const definition = ((await import(`../subgraphs/${name}/server.js`)) as Record<string, SubgraphDefinition<unknown>>)[
    `${name}Subgraph`
  ];
  const url = requireEnv('DATABASE_URL');
  const orm = await openDatabase(definition.database, url, logger);
  const boss = await startEventBus(url, logger);
  await startConsumers(boss, orm, definition.database.schema, definition.consumers, logger);
  logger.info({ queues: definition.consumers.map((c) => c.queue) }, 'consuming events');
  return async () => {
    await stopEventBus();
    await orm.close();
  };
});
