import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { LicenseStatus } from '../../../shared/domain/vocabulary';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { actionFacts, announceActions } from './action-facts';
import { announceLicenses, licenseFacts } from './license-facts';

const CHUNK = 1000;

interface QueuedRow {
  id: string;
  subjectId: string;
  dataSourceCode: string;
  decidedAt: string;
  validUntil: string | null;
  /** Licences: their 当前状态; actions: whether withdrawn (as 'WITHDRAWN'). */
  state: string | null;
}

/** How each kind is read from its table and told to its consumers. */
const KINDS = {
  LICENSE: {
    table: 'administrative_license',
    state: 't.status',
    validUntil: "to_char(t.valid_until, 'YYYY-MM-DD')",
    announce: (em: EntityManager, rows: QueuedRow[]) =>
      announceLicenses(
        em,
        rows.map((r) =>
          licenseFacts({
            ...r,
            status: r.state === LicenseStatus.INVALID ? LicenseStatus.INVALID : LicenseStatus.VALID,
          }),
        ),
      ),
  },
  ACTION: {
    table: 'administrative_action',
    state: "case when t.withdrawn_at is null then null else 'WITHDRAWN' end",
    validUntil: 'null',
    announce: (em: EntityManager, rows: QueuedRow[]) =>
      announceActions(
        em,
        rows.map((r) => actionFacts({ ...r, withdrawn: r.state === 'WITHDRAWN' })),
      ),
  },
} as const;

/**
 * Sends the facts of every queued licence and action (entities/record-republish.ts) a chunk per
 * transaction, as republish-penalties.ts does for penalties: a chunk leaves the queue in the transaction
 * that publishes it, records a request holds locked meanwhile stay for the next round (their own event
 * carries the newer facts), and a restart resumes where it stopped.
 */
export async function republishQueuedRecords(em: EntityManager, logger: Logger): Promise<void> {
  for (const [kind, spec] of Object.entries(KINDS)) {
    let total = 0;
    for (;;) {
      const taken = await em.transactional(async (tx) => {
        const rows = await boundQuery<QueuedRow>(
          tx,
          `with queued as (select record_id from ${SCHEMA}.record_republish where kind = ? order by record_id limit ? for update skip locked)
           select t.id, t.subject_id as "subjectId", t.data_source_code as "dataSourceCode",
                  to_char(t.decided_at, 'YYYY-MM-DD') as "decidedAt", ${spec.validUntil} as "validUntil", ${spec.state} as state
             from ${SCHEMA}.${spec.table} t join queued q on q.record_id = t.id
            order by t.id
              for share of t skip locked`,
          [kind, CHUNK],
        );
        if (rows.length === 0) return 0;
        await boundQuery(
          tx,
          `delete from ${SCHEMA}.record_republish where kind = ? and record_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
          [kind, JSON.stringify(rows.map((row) => row.id))],
        );
        await spec.announce(tx, rows);
        total += rows.length;
        return rows.length;
      });
      if (taken === 0) break;
    }
    if (total > 0) logger.info({ kind, records: total }, 'record facts sent again (objections are routed by them)');
  }
}
