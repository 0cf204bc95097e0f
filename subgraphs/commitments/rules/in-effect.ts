import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { CommitmentState, effectiveStatus } from './transitions';

export type CommitmentValidity = CommitmentState;

/** A commitment binds while it is being performed and its validity has not ended (inclusive). */
export function isInEffect(commitment: CommitmentValidity, today: string): boolean {
  return effectiveStatus(commitment, today) === CommitmentStatus.IN_EFFECT;
}
