import { Migrator } from '@mikro-orm/migrations';
import { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { Logger } from '../logging/logger';

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

/** `applicationName` names the connections (pg_stat_activity, and the SQL counter, tell them apart). */
export function ormOptions(database: SubgraphDatabase, clientUrl: string, logger?: Logger, applicationName?: string): Options {
  return {
    ...(applicationName ? { driverOptions: { connection: { application_name: applicationName } } } : {}),
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

/** Connects, creates the subgraph's schema when missing and applies pending migrations. */
export async function openDatabase(database: SubgraphDatabase, clientUrl: string, logger: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(database, clientUrl, logger));
  await orm.em.getConnection().execute(`create schema if not exists "${database.schema}"`);
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}

export type { EntityManager, MikroORM };
