import type { EntityManager } from '../../../shared/db/orm';
import type { CreditGrade } from '../../../shared/domain/vocabulary';
import { SupervisionRule } from '../entities/supervision-rule';
import { pickSupervisionRule } from '../rules/supervision-rule';

/** The whole rule table (a few dozen rows), any-industry rows first, then by grade and industry. */
export function supervisionRules(em: EntityManager): Promise<SupervisionRule[]> {
  return em.find(SupervisionRule, {}, { orderBy: { grade: 'asc', industry: 'asc nulls first' } });
}

/**
 * The supervision rule for a grade in an industry (rules/supervision-rule.ts: the industry's own
 * row wins); null when the table has none. The evaluation.changed event quotes its
 * tolerantAcceptance, verdictFloor and basis.
 */
export async function supervisionFor(
  em: EntityManager,
  grade: CreditGrade,
  industry: string | null,
): Promise<SupervisionRule | null> {
  const rules = await em.find(SupervisionRule, { grade });
  return pickSupervisionRule(rules, grade, industry);
}
