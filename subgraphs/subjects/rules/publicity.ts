import { addMonths, regimeOn } from '../../../shared/domain/rule-regimes';
import { PenaltyDomain, Severity } from '../../../shared/domain/vocabulary';

export { addMonths };

/**
 * What a penalty must carry, besides regime, severity and domain, for a row to
 * apply to it (docs/rules/publicity-and-repair.md): NONE rows apply to every
 * penalty; a marked row only to a penalty with that mark, and then wins.
 */
export enum PublicityMark {
  NONE = 'NONE',
  /** 发改办财金〔2019〕527号: 涉及特定严重失信行为 (reported as 特定严重失信行为 = 是). */
  SPECIFIC_SERIOUS = 'SPECIFIC_SERIOUS',
  /** 令第36号: 轻微失信信息, 行业主管部门认为确有必要公示 (reported as 确有必要公示期限（月）). */
  PUBLICITY_NECESSARY = 'PUBLICITY_NECESSARY',
}

/** A row's domain: one of PenaltyDomain, or every domain. */
export const ANY_DOMAIN = 'ANY';
export type RuleDomain = PenaltyDomain | typeof ANY_DOMAIN;

/** One row of subjects.publicity_repair_rule (entities/publicity-repair-rule.ts). */
export interface PublicityRepairRuleRow {
  regime: string;
  /** The regime's start: a decision is judged by the latest regime in force on its date. */
  inForceFrom: string;
  severity: Severity;
  /** A RuleDomain (a PenaltyDomain or ANY). */
  domain: RuleDomain | string;
  mark: PublicityMark;
  /** False: not published at all (nothing to repair). */
  published: boolean;
  /** Longest publicity in months from the decision date (a PUBLICITY_NECESSARY row: the cap on what the department marks). */
  maxMonths: number;
  /** Months from the decision date before repair may be applied for; null = at once. Ignored when not repairable. */
  minMonths: number | null;
  /** False: published for its whole period, never ended early by repair. */
  repairable: boolean;
  /** Document, number, article. */
  source: string;
  /** The reading chosen where the text leaves a choice; null when the text is plain. */
  reading: string | null;
}

/** What the rule table is applied to: the penalty's reported facts. */
export interface PenaltyPublicityFacts {
  decidedAt: string;
  severity: Severity;
  domain: PenaltyDomain;
  /** 特定严重失信行为 (2019 regime). */
  specificSerious: boolean;
  /** 确有必要公示期限（月）: the department's mark on a minor penalty, 1–3; null = not marked. */
  necessaryPublicityMonths: number | null;
  /** The regime the record is judged by when it is not the one in force on its decision date. */
  regime?: string;
}

/** The computed publicity and repair facts of a penalty (stored on it and sent to repairs). */
export interface PublicityJudgement {
  regime: string;
  published: boolean;
  repairable: boolean;
  /** First day repair may be applied for; when not repairable, the day publicity ends (nothing earlier). */
  repairableFrom: string;
  /** Last day of publicity (最长公示期届满之日); the decision date when not published. */
  publicityEndsAt: string;
}

/** The regime of a decision decided before every regime of the table: nothing is published or repaired under it. */
export const NO_REGIME = 'NONE_IN_FORCE';

/** The regime a decision is judged by: the latest one in force on its decision date; null before the first. */
export function regimeInForce(rules: readonly PublicityRepairRuleRow[], decidedAt: string): string | null {
  return regimeOn(rules, decidedAt);
}

function marksOf(facts: PenaltyPublicityFacts): PublicityMark[] {
  const marks = [PublicityMark.NONE];
  if (facts.specificSerious) marks.push(PublicityMark.SPECIFIC_SERIOUS);
  if (facts.necessaryPublicityMonths !== null) marks.push(PublicityMark.PUBLICITY_NECESSARY);
  return marks;
}

/** A mark outweighs a domain, a domain outweighs ANY: the most specific row applies. */
function specificity(row: PublicityRepairRuleRow): number {
  return (row.mark === PublicityMark.NONE ? 0 : 2) + (row.domain === ANY_DOMAIN ? 0 : 1);
}

/** The row that applies to a penalty under a regime; throws when the table has none (a table without a default row is broken). */
export function ruleFor(
  rules: readonly PublicityRepairRuleRow[],
  regime: string,
  facts: PenaltyPublicityFacts,
): PublicityRepairRuleRow {
  const marks = marksOf(facts);
  const candidates = rules.filter(
    (r) =>
      r.regime === regime &&
      r.severity === facts.severity &&
      (r.domain === ANY_DOMAIN || r.domain === facts.domain) &&
      marks.includes(r.mark),
  );
  if (candidates.length === 0)
    throw new RangeError(
      `regime ${regime} has no publicity rule for a ${facts.severity} penalty in domain ${facts.domain}`,
    );
  return candidates.reduce((best, row) => (specificity(row) > specificity(best) ? row : best));
}

/** Publicity and repair of a penalty from its decision date, under its regime (the one in force on that date unless given). */
export function judgePublicity(
  rules: readonly PublicityRepairRuleRow[],
  facts: PenaltyPublicityFacts,
): PublicityJudgement {
  const regime = facts.regime ?? regimeInForce(rules, facts.decidedAt);
  const closed = {
    published: false,
    repairable: false,
    repairableFrom: facts.decidedAt,
    publicityEndsAt: facts.decidedAt,
  };
  if (regime === null || regime === NO_REGIME) return { regime: NO_REGIME, ...closed };
  const rule = ruleFor(rules, regime, facts);
  if (!rule.published) return { regime, ...closed };
  const months =
    rule.mark === PublicityMark.PUBLICITY_NECESSARY
      ? Math.min(facts.necessaryPublicityMonths ?? rule.maxMonths, rule.maxMonths)
      : rule.maxMonths;
  const publicityEndsAt = addMonths(facts.decidedAt, months);
  return {
    regime,
    published: true,
    repairable: rule.repairable,
    repairableFrom: rule.repairable ? addMonths(facts.decidedAt, rule.minMonths ?? 0) : publicityEndsAt,
    publicityEndsAt,
  };
}
