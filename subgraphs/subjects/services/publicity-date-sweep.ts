import { boundQuery } from '../../../shared/db/bound-query';
import { sweepDates } from '../../../shared/db/date-sweep';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import { announceRecords } from './exchange-records';

/**
 * Published penalties still shared whose publicity period ended (公示期届满) on a day in (through, today]:
 * announced to the exchange as WITHDRAWN, EXPIRED. One statement to find them, two to announce them.
 */
export function sweepPublicityDates(em: EntityManager, today?: string): Promise<number> {
  return sweepDates(
    em,
    SCHEMA,
    'penalty-publicity-dates',
    async (tx, through, day) => {
      const rows = await boundQuery<{ id: string }>(
        tx,
        `select id from ${SCHEMA}.administrative_penalty
          where published and repaired_at is null and revoked_at is null and publicity_ends_at >= ? and publicity_ends_at < ?
          order by id`,
        [through, day],
      );
      await announceRecords(
        tx,
        'PENALTY',
        rows.map((r) => r.id),
      );
      return rows.length;
    },
    today,
  );
}
