import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import { publishEvent } from '../../../shared/events/publish';
import { readLicenseRecords, readPenaltyRecords } from '../repositories/exchange-records';
import { licenseSnapshot, penaltySnapshot } from '../rules/exchange-records';

/**
 * Tells the exchange (records.changed) the penalties or licences that changed, each in full with a new
 * version, in the caller's transaction and after the change is written (an entity changed through the
 * ORM is flushed first): two statements whatever the number of records.
 */
export async function announceRecords(
  em: EntityManager,
  kind: 'PENALTY' | 'LICENSE',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await em.flush();
  const now = new Date();
  const changedAt = now.toISOString();
  const records =
    kind === 'PENALTY'
      ? (await readPenaltyRecords(em, ids)).map((row) => penaltySnapshot(row, changedAt, chinaToday(now)))
      : (await readLicenseRecords(em, ids)).map((row) => licenseSnapshot(row, changedAt));
  if (records.length > 0) await publishEvent(em, 'records.changed', { records });
}
