import { CommitmentStatus } from '../../../shared/domain/vocabulary';

export interface CommitmentValidity {
  status: CommitmentStatus;
  validUntil: string | null;
}

/** A commitment binds while it is being performed and its validity has not ended (inclusive). */
export function isInEffect(commitment: CommitmentValidity, today: string): boolean {
  return commitment.status === CommitmentStatus.IN_EFFECT && (commitment.validUntil === null || commitment.validUntil >= today);
}
