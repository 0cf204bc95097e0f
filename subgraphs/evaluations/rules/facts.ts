/** The fact kinds the model's indicators may count (evaluation_indicator.fact). */
export const FACT_KINDS = [
  'PENALTY_SERIOUS_IN_PUBLICITY',
  'PENALTY_GENERAL_IN_PUBLICITY',
  'PENALTY_MINOR_IN_PUBLICITY',
  'BLACK_LIST_ACTIVE',
  'WATCH_LIST_ACTIVE',
  'RED_LIST_ACTIVE',
  'COMMITMENT_FULFILLED',
  'COMMITMENT_BREACHED',
  'REPAIR_COMPLETED',
  'LICENSE_VALID',
  'NATIONAL_GRADE_A',
  'NATIONAL_GRADE_B',
  'NATIONAL_GRADE_C',
  'NATIONAL_GRADE_D',
  'INDUSTRY_RATING_TOP',
  'INDUSTRY_RATING_BOTTOM',
  'SPOT_CHECK_NO_PROBLEM',
  'SPOT_CHECK_PROBLEMS',
] as const;

export type FactKind = (typeof FACT_KINDS)[number];

export function isFactKind(value: string): value is FactKind {
  return (FACT_KINDS as readonly string[]).includes(value);
}
