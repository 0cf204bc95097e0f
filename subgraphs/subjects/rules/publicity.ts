import { Severity } from '../../../shared/domain/vocabulary';

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

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The regime a decision is judged by: the latest one in force on its decision date. */
export function regimeInForce(rules: PublicityRuleRow[], decidedAt: string): string {
  let best: PublicityRuleRow | null = null;
  for (const rule of rules) {
    if (rule.inForceFrom <= decidedAt && (best === null || rule.inForceFrom > best.inForceFrom)) best = rule;
  }
  if (best === null) throw new RangeError(`no publicity regime was in force on ${decidedAt}`);
  return best.regime;
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
