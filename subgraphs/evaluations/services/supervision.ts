import type { EntityManager } from '../../../shared/db/orm';
import type { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';
import { SupervisionRule } from '../entities/supervision-rule';
import { pickSupervisionRule } from '../rules/supervision-rule';

/** What the supervision rule for a grade × industry says for the screening (evaluation.changed). */
export interface SupervisionForScreening {
  tolerantAcceptance: boolean;
  verdictFloor: Verdict | null;
  basis: string;
}

/** The whole rule table (a few dozen rows): by grade, the any-industry row first. */
export function supervisionRules(em: EntityManager): Promise<SupervisionRule[]> {
  return em.find(SupervisionRule, {}, { orderBy: { grade: 'asc', industry: 'asc nulls first' } });
}

/**
 * The supervision rule for a grade in an industry (rules/supervision-rule.ts: the industry's own
 * row wins over the any-industry row), as the evaluation.changed event quotes it. A grade the table
 * has no row for calls for nothing: no 容缺受理, no floor.
 */
export async function supervisionFor(
  em: EntityManager,
  grade: CreditGrade,
  industry: string | null,
): Promise<SupervisionForScreening> {
  const rule = pickSupervisionRule(await em.find(SupervisionRule, { grade }), grade, industry);
  if (!rule) return { tolerantAcceptance: false, verdictFloor: null, basis: `监管规则表中无 ${grade} 级的规则` };
  return { tolerantAcceptance: rule.tolerantAcceptance, verdictFloor: rule.verdictFloor, basis: rule.basis };
}
