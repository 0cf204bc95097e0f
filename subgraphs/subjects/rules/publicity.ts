import { Severity } from '../../../shared/domain/vocabulary';
import { addMonths, regimeOn } from '../../../shared/domain/rule-regimes';

export { addMonths };

/** One row of the publicity rule table (see entities/publicity-rule.ts). */
export interface PublicityRuleRow {
  regime: string;
  severity: Severity;
  inForceFrom: string;
  minMonths: number | null;
  maxMonths: number;
  source: string;
}

export interface PublicityPeriod {
  regime: string;
  /** After this date the subject may apply for repair. */
  repairableFrom: string;
  /** On this date publicity stops by itself. */
  publicityEndsAt: string;
}

/** The regime a decision is judged by: the latest one in force on its decision date. */
export function regimeInForce(rules: PublicityRuleRow[], decidedAt: string): string {
  const regime = regimeOn(rules, decidedAt);
  if (regime === null) throw new RangeError(`no publicity regime was in force on ${decidedAt}`);
  return regime;
}

/** Publicity period of a penalty from its decision date, under its regime. */
export function publicityPeriod(
  rules: PublicityRuleRow[],
  severity: Severity,
  decidedAt: string,
  regime: string = regimeInForce(rules, decidedAt),
): PublicityPeriod {
  const rule = rules.find((r) => r.regime === regime && r.severity === severity);
  if (!rule) throw new RangeError(`regime ${regime} has no rule for severity ${severity}`);
  return {
    regime,
    repairableFrom: addMonths(decidedAt, rule.minMonths ?? 0),
    publicityEndsAt: addMonths(decidedAt, rule.maxMonths),
  };
}
