import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { CreditGrade } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import { DIMENSION_COLUMNS, DistributionDimension } from '../rules/distribution';

export interface DistributionRow {
  grade: CreditGrade | null;
  industry: string | null;
  street: string | null;
  subjects: number;
}

/** Graded subjects counted by the chosen dimensions, in one statement (a dimension not chosen reads null). */
export async function gradeDistribution(
  em: EntityManager,
  by: readonly DistributionDimension[],
  filter: { industry: string | null; street: string | null },
): Promise<DistributionRow[]> {
  const dims = Object.values(DistributionDimension).filter((d) => by.includes(d));
  const column = (d: DistributionDimension) => (dims.includes(d) ? DIMENSION_COLUMNS[d] : 'null');
  const groupBy = dims.length === 0 ? '' : `group by ${dims.map((d) => DIMENSION_COLUMNS[d]).join(', ')}`;
  const orderBy =
    dims.length === 0 ? '' : `order by ${dims.map((d) => `${DIMENSION_COLUMNS[d]} nulls last`).join(', ')}`;
  return boundQuery<DistributionRow>(
    em,
    `select ${column(DistributionDimension.GRADE)} as grade, ${column(DistributionDimension.INDUSTRY)} as industry,
            ${column(DistributionDimension.STREET)} as street, count(*)::int as subjects
       from ${SCHEMA}.subject_evaluation e join ${SCHEMA}.subject_index s on s.id = e.subject_id
      where (?::text is null or s.industry = ?) and (?::text is null or s.street = ?)
      ${groupBy} ${orderBy}`,
    [filter.industry, filter.industry, filter.street, filter.street],
  );
}
