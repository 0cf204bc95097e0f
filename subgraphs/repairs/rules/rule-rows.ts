import type { CreditList, Severity } from '../../../shared/domain/vocabulary';
import { addMonths, regimeOn } from '../../../shared/domain/rule-regimes';

export { addMonths };

/** One row of repairs.repair_rule (entities/repair-rule.ts): when a penalty may be repaired, by regime and severity. */
export interface RepairRuleRow {
  regime: string;
  severity: Severity;
  inForceFrom: string;
  /** False: the regime does not publish the severity, so there is nothing to repair. */
  repairable: boolean;
  /** Months after the decision before an application; null = at once. */
  minMonths: number | null;
  /** Months after the decision when publicity ends by itself (nothing left to repair); null = no end. */
  maxMonths: number | null;
  source: string;
}

/** One row of repairs.list_repair_rule: whether an entry on a list may leave it early by repair. */
export interface ListRepairRuleRow {
  list: CreditList;
  repairable: boolean;
  source: string;
}

/** One row of repairs.repair_deadline_rule: 受理 and 决定 time limits in working days. */
export interface DeadlineRuleRow {
  scope: string;
  active: boolean;
  intakeWorkingDays: number;
  decisionWorkingDays: number;
  source: string;
}

export interface RepairRules {
  penalties: RepairRuleRow[];
  lists: ListRepairRuleRow[];
}

/** The regime a decision is judged by: the latest one in force on its decision date; null before the first. */
export function regimeInForce(rules: RepairRuleRow[], decidedAt: string): string | null {
  return regimeOn(rules, decidedAt);
}
