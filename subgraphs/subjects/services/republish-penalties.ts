import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { PenaltyFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';

const CHUNK = 1000;

/** A penalty's facts as the select below reads them: every field, the publicity ones included. */
type FactRow = Required<PenaltyFacts>;

/**
 * Sends the facts of every queued penalty (entities/penalty-republish.ts) on
 * 'penalties.changed', a chunk per transaction: a chunk leaves the queue in the
 * transaction that publishes it, so a restart resumes where it stopped and
 * nothing is sent twice by this task (consumers would apply it harmlessly anyway).
 */
export async function republishQueuedPenalties(em: EntityManager, logger: Logger): Promise<void> {
  let total = 0;
  for (;;) {
    const taken = await em.transactional(async (tx) => {
      const ids = await boundQuery<{ penalty_id: string }>(
        tx,
        `delete from ${SCHEMA}.penalty_republish
          where penalty_id in (select penalty_id from ${SCHEMA}.penalty_republish order by penalty_id limit ? for update skip locked)
          returning penalty_id`,
        [CHUNK],
      );
      if (ids.length === 0) return 0;
      const penalties = await boundQuery<FactRow>(
        tx,
        `select p.id as "penaltyId", p.subject_id as "subjectId", p.severity, to_char(p.decided_at, 'YYYY-MM-DD') as "decidedAt",
                p.authority_code as "authorityCode", p.data_source_code as "dataSourceCode", (p.revoked_at is not null) as revoked,
                p.regime, p.published, p.repairable, to_char(p.repairable_from, 'YYYY-MM-DD') as "repairableFrom",
                to_char(p.publicity_ends_at, 'YYYY-MM-DD') as "publicityEndsAt"
           from ${SCHEMA}.administrative_penalty p
          where p.id in (select jsonb_array_elements_text(?::jsonb)::uuid)
          order by p.id`,
        [JSON.stringify(ids.map((row) => row.penalty_id))],
      );
      if (penalties.length > 0) await publishEvent(tx, 'penalties.changed', { penalties });
      total += penalties.length;
      return ids.length;
    });
    if (taken === 0) break;
  }
  if (total > 0) logger.info({ penalties: total }, 'penalty facts sent again to repairs');
}
