import { sweepDates } from '../../../shared/db/date-sweep';
import type { EntityManager } from '../../../shared/db/orm';
import { ListEntryStatus } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import { ListEntry } from '../entities/list-entry';
import { announceEntries } from './announce';

const CHUNK = 1000;

/**
 * Published entries whose validity began or ended (届满) on a day in (through, today]: announced as
 * they read today (ACTIVE, or WITHDRAWN EXPIRED), and their subjects' screening verdicts computed again.
 */
export function sweepEntryDates(em: EntityManager, today?: string): Promise<number> {
  return sweepDates(
    em,
    SCHEMA,
    'list-entry-dates',
    async (tx, through, day) => {
      const entries = await tx.find(
        ListEntry,
        {
          status: ListEntryStatus.PUBLISHED,
          $or: [{ validUntil: { $gte: through, $lt: day } }, { validFrom: { $gt: through, $lte: day } }],
        },
        { orderBy: { id: 'asc' } },
      );
      for (let i = 0; i < entries.length; i += CHUNK) await announceEntries(tx, entries.slice(i, i + CHUNK));
      return entries.length;
    },
    today,
  );
}
