import type { Knex } from '@mikro-orm/postgresql';
import type { EntityManager } from './orm';

/**
 * Runs one statement with real bind parameters, inside the entity manager's
 * transaction when it has one. MikroORM's `execute` inlines parameters into the
 * SQL text, which for a batch sent as one large JSON parameter means escaping
 * and parsing megabytes of literal; bound, it costs about half the time.
 */
export async function boundQuery<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const knex: Knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const result = (await knex.raw(sql, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}
