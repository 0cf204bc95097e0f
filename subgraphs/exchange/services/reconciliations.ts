import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput, conflict, notFound } from '../../../shared/graphql/errors';
import type { RecordKind } from '../entities/enums';
import { Reconciliation } from '../entities/reconciliation';
import { deliveryPool } from './delivery-pool';
import { reconcileReceiver, ReconciliationBusy } from './reconcile';

export const MAX_RECONCILIATIONS = 100;

async function requireReceiver(em: EntityManager, receiver: string): Promise<void> {
  const rows = await em
    .getConnection()
    .execute<{ code: string }[]>('select code from exchange.receiver where code = ?', [receiver]);
  if (!rows[0]) throw notFound(`no receiver ${receiver}`, 'receiver');
}

/** reconcile(receiver, kind?): runs now, on the delivery pool, and answers the rows it wrote. */
export async function reconcileNow(
  em: EntityManager,
  requestedBy: string,
  receiver: string,
  kind: RecordKind | null,
): Promise<Reconciliation[]> {
  await requireReceiver(em, receiver);
  try {
    const ids = await reconcileReceiver(deliveryPool(), em, receiver, kind ? [kind] : null, requestedBy);
    return em.find(Reconciliation, { id: { $in: ids } }, { orderBy: { kind: 'asc' } });
  } catch (error) {
    if (error instanceof ReconciliationBusy) throw conflict(error.message, 'receiver', 'RECONCILIATION_RUNNING');
    throw error;
  }
}

export async function reconciliations(em: EntityManager, receiver: string, first: number): Promise<Reconciliation[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECONCILIATIONS)
    throw badUserInput('first', `first must be 1 to ${MAX_RECONCILIATIONS}`);
  await requireReceiver(em, receiver);
  return em.find(Reconciliation, { receiverCode: receiver }, { orderBy: { startedAt: 'desc' }, limit: first });
}
