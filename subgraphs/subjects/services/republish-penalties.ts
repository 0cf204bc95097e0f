import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { PenaltyFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { announceRecords } from './exchange-records';

const CHUNK = 1000;

/** A penalty's facts as the select below reads them: every field, the publicity ones included. */
type FactRow = Required<PenaltyFacts>;

/**
 * Sends the facts of every queued penalty (entities/penalty-republish.ts) on
 * 'penalties.changed' and 'records.changed', a chunk per transaction: a chunk leaves the queue in the
 * transaction that publishes it, so a restart resumes where it stopped and
 * nothing is sent twice by this task (consumers would apply it harmlessly anyway).
 * Rows locked by a request meanwhile stay queued; a round that can read none ends
 * the task, and what is left is sent at the next start.
 */
export async function republishQueuedPenalties(em: EntityManager, logger: Logger): Promise<void> {
  let total = 0;
  for (;;) {
    const taken = await em.transactional(async (tx) => {
      // Penalties a request is changing right now (a revocation, a report) are skipped, not waited
      // for: their own event carries the newer facts, and they stay queued for the next round. Read
      // under a share lock, a fact sent here can never be older than one a concurrent change sends
      // after it (repairs keeps the latest by time).
      const penalties = await boundQuery<FactRow>(
        tx,
        `with queued as (select penalty_id from ${SCHEMA}.penalty_republish order by penalty_id limit ? for update skip locked)
         select p.id as "penaltyId", p.subject_id as "subjectId", p.severity, to_char(p.decided_at, 'YYYY-MM-DD') as "decidedAt",
                p.authority_code as "authorityCode", p.data_source_code as "dataSourceCode", (p.revoked_at is not null) as revoked,
                p.regime, p.published, p.repairable, to_char(p.repairable_from, 'YYYY-MM-DD') as "repairableFrom",
                to_char(p.publicity_ends_at, 'YYYY-MM-DD') as "publicityEndsAt"
           from ${SCHEMA}.administrative_penalty p join queued q on q.penalty_id = p.id
          order by p.id
            for share of p skip locked`,
        [CHUNK],
      );
      if (penalties.length === 0) return 0;
      await boundQuery(
        tx,
        `delete from ${SCHEMA}.penalty_republish where penalty_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
        [JSON.stringify(penalties.map((row) => row.penaltyId))],
      );
      await publishEvent(tx, 'penalties.changed', { penalties });
      // Queued because their publicity was judged again (a migration of the rule table) or their facts
      // gained fields: the exchange gets them too, withdrawn when no longer public (NOT_PUBLIC), active again when they are.
      await announceRecords(
        tx,
        'PENALTY',
        penalties.map((row) => row.penaltyId),
      );
      total += penalties.length;
      return penalties.length;
    });
    if (taken === 0) break;
  }
  if (total > 0) logger.info({ penalties: total }, 'penalty facts sent again to repairs');
}
