import type { KeyObject } from 'node:crypto';
import { MikroORM as MikroOrm } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { enforceAccessRules } from '../auth/enforce';
import { internalPublicKey } from '../auth/internal-token';
import type { SelfChecks } from '../auth/self';
import { booleanEnv, optionalEnv, portEnv, requireEnv } from '../config/env';
import { DEFAULT_PORTS, portVariable, SubgraphName } from '../config/services';
import { boundQuery } from '../db/bound-query';
import { openDatabase, ormOptions, SubgraphDatabase } from '../db/orm';
import type { EntityManager, MikroORM } from '../db/orm';
import { EVENT_BUS_APPLICATION, startEventBus, stopEventBus } from '../events/bus';
import { EventConsumer, startConsumers } from '../events/consume';
import type { Logger } from '../logging/logger';
import { watchDatabasePool } from '../metrics/db-pool';
import { watchEventQueues } from '../metrics/event-queues';
import { ShutdownSignal } from './graceful-stop';
import { createSubgraphApp, SubgraphApp } from './subgraph-app';

/** Everything that makes one subgraph what it is; server.ts of each subgraph declares one. */
export interface SubgraphDefinition<TLoaders> {
  name: SubgraphName;
  database: SubgraphDatabase;
  /** The subgraph schema alone: no database needed (composition builds it). */
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(em: EntityManager, today: string): TLoaders;
  /** Loads the subgraph's slice of the demo dataset unless its schema holds data already. */
  seedDemoData(em: EntityManager, logger: Logger): Promise<void>;
  /** The events this subgraph applies (shared/events/catalogue.ts); every subgraph may publish. */
  consumers: EventConsumer[];
  /**
   * Work owed once after an upgrade, done in the background once the event bus runs (e.g. events for
   * rows a migration backfilled or queued); a failure is logged and the rest is done at the next start.
   * Long work checks `shutdown` between its transactions and stops when the process does.
   */
  afterStart?(em: EntityManager, logger: Logger, shutdown: ShutdownSignal): Promise<void>;
  /**
   * Background work started by afterStart that must end before the pools close (a push worker with
   * batches in flight): called on a graceful stop, after the last request, before the connections go.
   */
  stop?(): Promise<void>;
  /** Whose object each type's is, for fields a subject reads about itself only (shared/auth/self.ts); none = refused. */
  selfChecks?: SelfChecks;
}

export interface SubgraphConfig {
  port: number;
  /** Interface to listen on: loopback unless a container needs 0.0.0.0. */
  host: string;
  databaseUrl: string;
  demoData: boolean;
  /** The public half of the gateway's internal signing key. */
  internalKey: KeyObject;
}

/** A subgraph reads its port from <NAME>_PORT, the database from DATABASE_URL. */
export function loadSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return {
    port: portEnv(portVariable(name), DEFAULT_PORTS[name], env),
    host: optionalEnv('BIND_HOST', '127.0.0.1', env),
    databaseUrl: requireEnv('DATABASE_URL', env),
    demoData: booleanEnv('DEMO_DATA', false, env),
    internalKey: internalPublicKey(requireEnv('INTERNAL_PUBLIC_KEY', env)),
  };
}

export interface SubgraphServer extends SubgraphApp {
  orm: MikroORM;
  /** The event consumers' own connections. */
  eventsOrm: MikroORM;
}

/** Connects, migrates, seeds demo data when asked, and builds the app without listening. */
export async function createSubgraphServer<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  config: SubgraphConfig,
  logger: Logger,
  shutdown = new ShutdownSignal(),
): Promise<SubgraphServer> {
  const orm = await openDatabase(definition.database, config.databaseUrl, logger);
  let eventsOrm: MikroORM | null = null;
  try {
    if (config.demoData) await definition.seedDemoData(orm.em.fork(), logger);
    const schema = await definition.buildSchema();
    logger.info({ fields: enforceAccessRules(schema, definition.selfChecks) }, 'access rules enforced');
    const boss = await startEventBus(config.databaseUrl, logger);
    // Consumers work on connections of their own, named like the bus's, so the statement count of a
    // request (/metrics) never includes an event applied meanwhile.
    eventsOrm = await MikroOrm.init(ormOptions(definition.database, config.databaseUrl, logger, EVENT_BUS_APPLICATION));
    await startConsumers(boss, eventsOrm, definition.database.schema, definition.consumers, logger);
    watchDatabasePool('requests', orm);
    watchDatabasePool('events', eventsOrm);
    // Read on the consumers' connections: a scrape adds nothing to the request SQL count.
    const queueOrm = eventsOrm;
    watchEventQueues(
      definition.consumers.map((c) => c.queue),
      (sql, params) => boundQuery(queueOrm.em.fork(), sql, params),
      logger,
    );
    // In the background: a long backlog does not hold up serving; what is left is done at the next start.
    if (definition.afterStart) {
      void definition
        .afterStart(orm.em.fork(), logger, shutdown)
        .catch((error: unknown) => logger.error({ err: error }, 'after-start work failed: retried at the next start'));
    }
    const app = await createSubgraphApp({
      name: definition.name,
      schema,
      orm,
      logger,
      internalKey: config.internalKey,
      createLoaders: definition.createLoaders,
      shutdown,
    });
    return { ...app, orm, eventsOrm };
  } catch (error) {
    await stopEventBus();
    await eventsOrm?.close();
    await orm.close();
    throw error;
  }
}
