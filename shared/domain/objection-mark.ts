import type { EventCatalogue } from '../events/catalogue';

/** A record that carries the 异议处理中 mark (a penalty in subjects, a list entry in sanctions). */
export interface ObjectionMarked {
  openObjectionId: string | null;
  objectionChangedAt: Date | null;
}

/**
 * Applies objection.changed to a record's mark: open, the record names its objection; decided, the mark
 * of that objection ends. Events may arrive out of order (a decision made right after acceptance, a
 * redelivery): one older than the last applied changes nothing ('STALE'), so a late "accepted" never
 * marks a record whose objection is already decided.
 */
export function applyObjectionMark(
  record: ObjectionMarked,
  change: EventCatalogue['objection.changed'],
  occurredAt: Date,
): 'STALE' | 'OPEN' | 'DECIDED' {
  if (record.objectionChangedAt !== null && record.objectionChangedAt >= occurredAt) return 'STALE';
  record.objectionChangedAt = occurredAt;
  if (change.status === 'SUBMITTED' || change.status === 'ACCEPTED') {
    record.openObjectionId = change.objectionId;
    return 'OPEN';
  }
  if (record.openObjectionId === change.objectionId) record.openObjectionId = null;
  return 'DECIDED';
}
