import type { CreditList, Severity } from '../../../shared/domain/vocabulary';

/**
 * Frozen: a row of the dropped repairs.repair_rule, kept so the migration that
 * created it runs as it did. Penalties are judged on the publicity facts subjects
 * sends (docs/rules/publicity-and-repair.md).
 */
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

/** Which cases a deadline row times: 信用修复 or 异议. */
export type DeadlineKind = 'REPAIR' | 'OBJECTION';

/** One row of repairs.repair_deadline_rule: 受理 and 决定 time limits in working days. */
export interface DeadlineRuleRow {
  scope: string;
  /** Absent in the rows of the migration that created the table: they are REPAIR rows. */
  kind?: DeadlineKind;
  active: boolean;
  intakeWorkingDays: number;
  decisionWorkingDays: number;
  source: string;
}

/** The rule tables eligibility reads here; penalties have none (subjects computes their publicity facts). */
export interface RepairRules {
  lists: ListRepairRuleRow[];
}
