import { lockForTransaction } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';

/** Holds a transaction-scoped lock on one repair target: two applications for it see each other. */
export function lockTarget(em: EntityManager, targetId: string): Promise<void> {
  return lockForTransaction(em, `repair:${targetId}`);
}
