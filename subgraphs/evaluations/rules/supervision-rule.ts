import type { CreditGrade } from '../../../shared/domain/vocabulary';

/** What pickSupervisionRule reads of a row of evaluations.supervision_rule. */
export interface SupervisionRuleRow {
  grade: CreditGrade;
  /** 行业 (GB/T 4754 section name, as Subject.industry); null = any industry. */
  industry: string | null;
}

/**
 * The rule for a grade in an industry: a row for that very industry wins over the any-industry row
 * of the grade (a department may be stricter, or lighter, for its own trade); null when the table
 * has neither (the grade then carries no measures).
 */
export function pickSupervisionRule<T extends SupervisionRuleRow>(
  rules: readonly T[],
  grade: CreditGrade,
  industry: string | null,
): T | null {
  const ofGrade = rules.filter((rule) => rule.grade === grade);
  return (
    (industry === null ? undefined : ofGrade.find((rule) => rule.industry === industry)) ??
    ofGrade.find((rule) => rule.industry === null) ??
    null
  );
}
