import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { CreditGrade } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import type { DrawCandidate } from '../rules/spot-check-draw';

/**
 * The population of a draw: the graded subjects of an industry (and street) with their grade now,
 * ordered by id (the draw's order is the seed's, not this one). Ungraded subjects (natural persons,
 * subjects without a USCC) are not 市场主体 the graded rules speak of, so they are not drawn here.
 */
export async function spotCheckPopulation(
  em: EntityManager,
  industry: string,
  street: string | null,
): Promise<DrawCandidate[]> {
  const rows = await boundQuery<{ id: string; grade: CreditGrade }>(
    em,
    `select s.id, e.grade
       from ${SCHEMA}.subject_index s
       join ${SCHEMA}.subject_evaluation e on e.subject_id = s.id
      where s.industry = ? and (?::text is null or s.street = ?)
      order by s.id`,
    [industry, street, street],
  );
  return rows.map((r) => ({ subjectId: r.id, grade: r.grade }));
}
