import type { Constructor, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from './orm';

/** PostgreSQL takes at most 65,535 parameters per statement: insert in chunks. */
const ROWS_PER_STATEMENT = 1000;

export async function insertInChunks<T extends object>(
  em: EntityManager,
  entity: Constructor<T>,
  rows: RequiredEntityData<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await em.insertMany<T>(entity, rows.slice(start, start + ROWS_PER_STATEMENT));
  }
}
