import { lockForTransaction } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';

/** Holds a transaction-scoped lock on one subject's list entries: proposals and publications for it see each other. */
export function lockSubject(em: EntityManager, subjectId: string): Promise<void> {
  return lockForTransaction(em, subjectId);
}
