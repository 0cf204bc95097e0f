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
}

/** One page of subjects matching the search, by name then id, and how many match in all. */
export async function searchSubjects(
  em: EntityManager,
  { term, maskedNames, limit, offset }: SubjectSearch,
): Promise<{ nodes: Subject[]; total: number }> {
  const name = maskedNames ? PUBLIC_NAME_SQL : 'name';
  const where = term === '' ? 'true' : `(${name} ilike ? or uscc like ?)`;
  const params = term === '' ? [] : [likePattern(term), likePattern(term.toUpperCase(), { prefixOnly: true })];
  const connection = em.getConnection();
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select s.* from ${SCHEMA}.subject s where ${where} order by ${name}, id limit ? offset ?`,
      [...params, limit, offset],
    ),
    connection.execute<{ total: string }[]>(`select count(*) as total from ${SCHEMA}.subject s where ${where}`, params),
  ]);
  return { nodes: rows.map((row) => em.map(Subject, row)), total: Number(total) };
}
