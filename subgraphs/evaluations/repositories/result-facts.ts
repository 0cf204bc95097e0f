import type { EntityManager } from '../../../shared/db/orm';
import type { FactCounts } from '../rules/model';

/**
 * PLACEHOLDER until SUPERVISION's imported evaluation results land (contract16): the facts the
 * latest result per source gives (NATIONAL_GRADE_<A|B|C|D> from the national source,
 * INDUSTRY_RATING_TOP / INDUSTRY_RATING_BOTTOM from an industry source's scale, best first),
 * one statement for all `subjectIds`. Until then no subject has any.
 */
export function resultFacts(_em: EntityManager, _subjectIds: readonly string[]): Promise<Map<string, FactCounts>> {
  return Promise.resolve(new Map());
}
