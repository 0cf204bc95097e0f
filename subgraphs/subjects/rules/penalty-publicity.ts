import { PenaltyDomain, Severity } from '../../../shared/domain/vocabulary';
import type { PublicityRepairRuleRow } from './publicity';
import { judgePublicity, PublicityJudgement } from './publicity';
import type { RecordValues } from './report-validation';

/** A reported penalty's domain (the authority's 主管领域 when not reported) and its publicity under the rule table. */
export type PenaltyPublicity = { domain: PenaltyDomain } & PublicityJudgement;

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && Object.values<string>(Severity).includes(value);
}

function isDomain(value: unknown): value is PenaltyDomain {
  return typeof value === 'string' && Object.values<string>(PenaltyDomain).includes(value);
}

/** The 失信信息等级 of a checked penalty (rules/report-validation.ts always sets one). */
export function severityOf(values: RecordValues): Severity {
  if (!isSeverity(values.severity)) throw new Error(`a checked penalty has no severity (${String(values.severity)})`);
  return values.severity;
}

/** Judges a checked penalty's publicity; `authorityDomain` is its authority's 主管领域. */
export function penaltyPublicity(
  rules: readonly PublicityRepairRuleRow[],
  authorityDomain: PenaltyDomain | undefined,
  values: RecordValues,
  decidedAt: string,
): PenaltyPublicity {
  const domain = (isDomain(values.domain) ? values.domain : null) ?? authorityDomain ?? PenaltyDomain.GENERAL;
  return {
    domain,
    ...judgePublicity(rules, {
      decidedAt,
      severity: severityOf(values),
      domain,
      specificSerious: values.specificSerious === true,
      necessaryPublicityMonths:
        typeof values.necessaryPublicityMonths === 'number' ? values.necessaryPublicityMonths : null,
    }),
  };
}
