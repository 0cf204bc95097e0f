import type { Constructor } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { Migration } from '@mikro-orm/migrations';
import { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logging/logger';
import { migrationTimeouts, SessionTimeouts, sessionTimeouts } from './timeouts';

export interface MigrationDefinition {
  name: string;
  class: Constructor<Migration>;
}

export interface SubgraphDatabase {
  /** The PostgreSQL schema this subgraph owns; no SQL crosses into another. */
  schema: string;
  entities: Constructor<object>[];
  /** Committed migrations, in order. */
  migrations: MigrationDefinition[];
}

/**
 * `applicationName` names the connections (pg_stat_activity, and the SQL counter, tell them apart);
 * every connection opens with the session timeouts (shared/db/timeouts.ts).
 */
export function ormOptions(
  database: SubgraphDatabase,
  clientUrl: string,
  logger?: Logger,
  applicationName?: string,
  timeouts: SessionTimeouts = sessionTimeouts(),
): Options {
  return {
    driverOptions: { connection: { ...timeouts, ...(applicationName ? { application_name: applicationName } : {}) } },
    logger: logger ? (message) => logger.debug(message) : undefined,
    clientUrl,
    schema: database.schema,
    entities: database.entities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: database.migrations,
      path: `subgraphs/${database.schema}/migrations`,
      pathTs: `subgraphs/${database.schema}/migrations`,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 5) },
    // Entities are listed explicitly; nothing is discovered from the file system.
    discovery: { warnWhenNoEntities: true, disableDynamicFileAccess: true },
    allowGlobalContext: false,
    debug: process.env.SQL_DEBUG === 'true',
  };
}

/**
 * Creates the subgraph's schema when missing and applies pending migrations on
 * connections of their own (no statement timeout by default), then connects
 * with the serving timeouts.
 */
export async function openDatabase(database: SubgraphDatabase, clientUrl: string, logger: Logger): Promise<MikroORM> {
  const migrating = await MikroORM.init(ormOptions(database, clientUrl, logger, undefined, migrationTimeouts()));
  try {
    await migrating.em.getConnection().execute(`create schema if not exists "${database.schema}"`);
    const applied = await migrating.getMigrator().up();
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    await migrating.close();
  }
  return MikroORM.init(ormOptions(database, clientUrl, logger));
}

export type { EntityManager, MikroORM };
