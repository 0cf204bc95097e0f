import { ratio } from '../../../shared/domain/ratio';
import { chinaToday } from '../../../shared/domain/today';
import { RepairStatus } from '../../../shared/domain/vocabulary';

export interface CaseOutcome {
  status: RepairStatus;
  submittedAt: Date;
  decidedAt: Date | null;
}

export interface RepairStatistics {
  submitted: number;
  open: number;
  approved: number;
  denied: number;
  rejectedAtIntake: number;
  withdrawn: number;
  /** approved / (approved + denied): of the cases decided on their merits. */
  approvalRate: number;
  /** Calendar days from application to decision (China dates), median of the decided cases; null when none. */
  medianDaysToDecision: number | null;
}

const MS_PER_DAY = 86_400_000;

/** Calendar days between the China dates of two instants. */
export function calendarDays(from: Date, to: Date): number {
  return (Date.parse(chinaToday(to)) - Date.parse(chinaToday(from))) / MS_PER_DAY;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What became of the cases submitted in a period. */
export function repairStatistics(cases: CaseOutcome[]): RepairStatistics {
  const count = (status: RepairStatus) => cases.filter((c) => c.status === status).length;
  const approved = count(RepairStatus.APPROVED);
  const denied = count(RepairStatus.DENIED);
  const daysToDecision = cases.flatMap((c) =>
    (c.status === RepairStatus.APPROVED || c.status === RepairStatus.DENIED) && c.decidedAt !== null
      ? [calendarDays(c.submittedAt, c.decidedAt)]
      : [],
  );
  return {
    submitted: cases.length,
    open: count(RepairStatus.SUBMITTED) + count(RepairStatus.ACCEPTED),
    approved,
    denied,
    rejectedAtIntake: count(RepairStatus.REJECTED_AT_INTAKE),
    withdrawn: count(RepairStatus.WITHDRAWN),
    approvalRate: ratio(approved, approved + denied),
    medianDaysToDecision: median(daysToDecision),
  };
}
