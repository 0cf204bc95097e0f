import { CommitmentKind, CommitmentStatus } from '../../../shared/domain/vocabulary';

/** What this subgraph knows of a commitment (entities/commitment-fact.ts). */
export interface CommitmentFactView {
  id: string;
  subjectId: string;
  kind: string;
  status: string;
  validUntil: string | null;
}

/** A REPAIR commitment (信用修复承诺) of the subject, in effect and within its validity today. */
export function isActiveRepairCommitment(commitment: CommitmentFactView, subjectId: string, today: string): boolean {
  return (
    commitment.subjectId === subjectId &&
    commitment.kind === CommitmentKind.REPAIR &&
    commitment.status === CommitmentStatus.IN_EFFECT &&
    (commitment.validUntil === null || commitment.validUntil >= today)
  );
}

/** Why the named commitment does not do, or null when it does. `named` undefined: none was named. */
export function repairCommitmentProblem(
  named: string | undefined,
  fact: CommitmentFactView | null,
  subjectId: string,
  today: string,
): string | null {
  if (named === undefined) return 'the application must name the subject’s signed repair commitment (信用修复承诺书)';
  if (fact === null)
    return `commitment ${named} is not known: a repair needs the subject’s signed, publicized repair commitment`;
  if (fact.subjectId !== subjectId) return `commitment ${named} was signed by another subject`;
  if (fact.kind !== CommitmentKind.REPAIR)
    return `commitment ${named} is a ${fact.kind} commitment, not a repair commitment (信用修复承诺)`;
  if (!isActiveRepairCommitment(fact, subjectId, today)) {
    return fact.status === CommitmentStatus.IN_EFFECT
      ? `commitment ${named} expired on ${fact.validUntil}`
      : `commitment ${named} is ${fact.status}, not in effect`;
  }
  return null;
}
