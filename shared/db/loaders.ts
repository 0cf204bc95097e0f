import { EntityDictionary, EntityKey, EntityName, EntityProperty, ReferenceKind, Utils } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Page, pageKey } from '../graphql/pagination';
import { boundQuery } from './bound-query';
import type { EntityManager } from './orm';

/**
 * Building blocks for per-request DataLoaders. Each turns the keys collected in
 * one tick into one SQL statement, so an operation's statement count depends on
 * its shape, not on how many subjects it touches.
 */

/**
 * The entities whose `key` is one of `keys`, in `orderBy` order: `where <column> = any(?)` with the keys bound
 * as one array parameter. MikroORM's `$in` inlines every key as a literal, and for the 10,000 keys of a
 * screening building that text and PostgreSQL parsing it cost three times the read (docs/PERFORMANCE.md).
 */
export async function entitiesByKeys<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string,
  keys: readonly string[],
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
): Promise<T[]> {
  const rows = await selectByKeys<T, EntityDictionary<T>>(em, entity, '*', key, keys, orderBy);
  return rows.map((row) => em.map(entity, row));
}

/** `select <columns> from <the entity's table> where <key's column> = any(?) [order by …]`, the keys bound as one array. */
async function selectByKeys<T extends object, R>(
  em: EntityManager,
  entity: EntityName<T>,
  columns: string,
  key: keyof T & string,
  keys: readonly string[],
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
): Promise<R[]> {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const column = (property: string) => `"${meta.properties[property as EntityKey<T>].fieldNames[0]}"`;
  const table = `"${meta.schema ?? em.config.get('schema')}"."${meta.tableName}"`;
  const order = Object.entries(orderBy).map(([property, direction]) => `${column(property)} ${direction}`);
  return boundQuery<R>(
    em,
    `select ${columns} from ${table} where ${column(key)} = any(?)${order.length ? ` order by ${order.join(', ')}` : ''}`,
    [[...keys]],
  );
}

/**
 * As entitiesByKeys, but plain objects with the entity's property names, converted as hydration converts them
 * (timestamps to Dates, custom types by the type), not managed entities: for reads whose rows nothing changes
 * and whose count is large. The 10,000 subject references of a screening cost the subjects subgraph ~235 ms of
 * CPU per request as entities (MikroORM's ensurePropagation and identity map; docs/PERFORMANCE.md), so an
 * entity of scalar properties only is read this way where it is only answered.
 */
export async function rowsByKeys<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string,
  keys: readonly string[],
): Promise<Readonly<T>[]> {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const props = meta.props.filter((prop) => prop.persist !== false);
  // What hydration would do differently: relations, formulas, types converted in SQL.
  const unsupported = props.find(
    (prop) => prop.kind !== ReferenceKind.SCALAR || prop.formula !== undefined || prop.hasConvertToJSValueSQL,
  );
  if (unsupported)
    throw new Error(`rowsByKeys reads plain scalar columns only; ${meta.className}.${unsupported.name} is not one`);
  const platform = em.getPlatform();
  const convert = (prop: EntityProperty<T>, value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (prop.customType) return prop.customType.convertToJSValue(value, platform);
    return prop.runtimeType === 'Date' ? new Date(value as string) : value;
  };
  const columns = props.map((prop) => `"${prop.fieldNames[0]}"`).join(', ');
  const rows = await selectByKeys<T, Record<string, unknown>>(em, entity, columns, key, keys);
  return rows.map((row) => {
    const plain: Record<string, unknown> = {};
    for (const prop of props) plain[prop.name] = convert(prop, row[prop.fieldNames[0]]);
    return plain as T;
  });
}

/** As keyedLoader, with plain rows (rowsByKeys): for reads that only answer what they load. */
export function keyedRowLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
): DataLoader<string, Readonly<T> | null> {
  return new DataLoader(async (keys) => byKeys(keys, await rowsByKeys(em, entity, key, keys), key));
}

function byKeys<T extends object>(keys: readonly string[], rows: readonly T[], key: keyof T & string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [String(row[key]), row]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Loads one entity per key (e.g. subject by id): one statement for the keys of a tick. */
export function keyedLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => byKeys(keys, await entitiesByKeys(em, entity, key, keys), key));
}

/**
 * Reference data (departments): the whole small table in one statement, at
 * most once per request, however many ticks ask for it.
 */
export function referenceTableLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
): DataLoader<string, T | null> {
  let table: Promise<Map<string, T>> | undefined;
  return new DataLoader(async (keys) => {
    table ??= em.find(entity, {}).then((rows) => new Map(rows.map((row) => [String(row[key]), row])));
    const byKey = await table;
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Loads every entity belonging to each key (e.g. list entries by subject), in `orderBy` order. */
export function groupedLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await entitiesByKeys(em, entity, key, keys, orderBy);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(String(row[key]))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

export interface ChildPage<T> {
  nodes: T[];
  totalCount: number;
}

export interface PagedChildrenSpec<T> {
  entity: EntityName<T>;
  /** Schema-qualified table, e.g. subjects.administrative_penalty. */
  table: string;
  parentColumn: string;
  /** SQL order inside each parent, e.g. 'decided_at desc, id'. */
  orderBy: string;
  /** An extra SQL condition on the children (a row rule), with its parameters. */
  where?: { sql: string; params: unknown[] };
}

/**
 * One page of children for many parents in one statement (a window function
 * numbers the rows per parent and counts them). Returns a loader per page size,
 * because parents on the same page share it.
 */
export function pagedChildrenLoader<T extends object>(
  em: EntityManager,
  spec: PagedChildrenSpec<T>,
): (page: Page) => DataLoader<string, ChildPage<T>> {
  const byPage = new Map<string, DataLoader<string, ChildPage<T>>>();
  return (page) => {
    const cacheKey = pageKey(page);
    let loader = byPage.get(cacheKey);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const rows = await em.getConnection().execute<Record<string, unknown>[]>(
          `select * from (
             select t.*, row_number() over (partition by t.${spec.parentColumn} order by ${spec.orderBy}) as page_row,
                    count(*) over (partition by t.${spec.parentColumn}) as page_total
             from ${spec.table} t where t.${spec.parentColumn} in (?) and ${spec.where?.sql ?? 'true'}
           ) numbered where page_row = 1 or (page_row > ? and page_row <= ?) order by page_row`,
          [[...parents], ...(spec.where?.params ?? []), page.offset, page.offset + page.limit],
        );
        const pages = new Map<string, ChildPage<T>>(parents.map((p) => [p, { nodes: [], totalCount: 0 }]));
        for (const row of rows) {
          const entry = pages.get(String(row[spec.parentColumn]));
          if (!entry) continue;
          // Row 1 always comes back so a parent's total is known even past its last page.
          entry.totalCount = Number(row.page_total);
          const position = Number(row.page_row);
          if (position > page.offset && position <= page.offset + page.limit) {
            entry.nodes.push(em.map(spec.entity, row as EntityDictionary<T>));
          }
        }
        return parents.map((p) => pages.get(p) ?? { nodes: [], totalCount: 0 });
      });
      byPage.set(cacheKey, loader);
    }
    return loader;
  };
}
