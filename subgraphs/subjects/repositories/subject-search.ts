import type { EntityManager } from '../../../shared/db/orm';
import { likePattern } from '../../../shared/graphql/arguments';
import { PUBLIC_NAME_SQL } from '../../../shared/identifiers/person-name';
import { SCHEMA } from '../config';
import { Subject } from '../entities/subject';

export interface SubjectSearch {
  /** A name fragment or a USCC prefix; '' lists every subject. */
  term: string;
  /** Search and sort on the masked form of natural persons' names (张**), as the caller sees them. */
  maskedNames: boolean;
  limit: number;
  offset: number;
  /** Start right after this subject in (name, id) order (a keyset cursor); else at `offset`. */
  afterId?: string;
}

/**
 * One page of subjects matching the search, by name then id, and how many match in all. After a known
 * subject the page seeks past its (name, id) — the indexes subject_name_id_idx and
 * subject_public_name_id_idx serve that order — so a deep page costs what the first does; without one
 * (an offset cursor, or a subject no longer there) it counts its way to `offset`.
 */
export async function searchSubjects(
  em: EntityManager,
  { term, maskedNames, limit, offset, afterId }: SubjectSearch,
): Promise<{ nodes: Subject[]; total: number }> {
  const name = maskedNames ? PUBLIC_NAME_SQL : 'name';
  const where = term === '' ? 'true' : `(${name} ilike ? or uscc like ?)`;
  const params = term === '' ? [] : [likePattern(term), likePattern(term.toUpperCase(), { prefixOnly: true })];
  const connection = em.getConnection();
  const [anchor] = afterId
    ? await connection.execute<{ sort_name: string; id: string }[]>(
        `select ${name} as sort_name, id from ${SCHEMA}.subject where id = ?`,
        [afterId],
      )
    : [];
  const page = anchor
    ? { sql: `and (${name}, id) > (?, ?) order by ${name}, id limit ?`, params: [anchor.sort_name, anchor.id, limit] }
    : { sql: `order by ${name}, id limit ? offset ?`, params: [limit, offset] };
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(`select s.* from ${SCHEMA}.subject s where ${where} ${page.sql}`, [
      ...params,
      ...page.params,
    ]),
    connection.execute<{ total: string }[]>(`select count(*) as total from ${SCHEMA}.subject s where ${where}`, params),
  ]);
  return { nodes: rows.map((row) => em.map(Subject, row)), total: Number(total) };
}
