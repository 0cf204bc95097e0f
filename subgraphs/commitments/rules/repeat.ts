import type { CommitmentAction } from './actions';

/** What a step says beyond its action: the note, the evidence and the date of the fact. */
export interface StepData {
  action: CommitmentAction;
  note: string | null;
  evidence: string | null;
  /** The day the fact happened (a breach); null when the step has none. */
  on: string | null;
}

/** Whether an attempted step is the one already recorded (a retry), field by field. */
export function isSameStep(recorded: StepData | null, attempt: StepData): boolean {
  return (
    recorded !== null &&
    recorded.action === attempt.action &&
    recorded.note === attempt.note &&
    recorded.evidence === attempt.evidence &&
    recorded.on === attempt.on
  );
}
