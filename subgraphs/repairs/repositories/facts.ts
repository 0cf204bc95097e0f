import { boundQuery } from '../../../shared/db/bound-query';
import { latestPerKey } from '../../../shared/db/latest-per-key';
import type { EntityManager } from '../../../shared/db/orm';
import type { EventCatalogue, ListEntryFacts, PenaltyFacts } from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

/**
 * The facts repairs keeps of other subgraphs' records, written from their events.
 * Each write is one statement; a late, older event changes nothing (changed_at).
 */

/** Penalties from penalties.changed, sent as one JSON parameter and unpacked by PostgreSQL. */
export async function upsertPenaltyFacts(
  em: EntityManager,
  penalties: PenaltyFacts[],
  changedAt: string,
): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.penalty_fact as t (id, subject_id, severity, decided_at, authority_code, data_source_code, revoked, regime, published, repairable, repairable_from, publicity_ends_at, changed_at)
     select r."penaltyId", r."subjectId", r.severity, r."decidedAt", r."authorityCode", r."dataSourceCode", r.revoked, r.regime, r.published, r.repairable, r."repairableFrom", r."publicityEndsAt", ?
       from jsonb_to_recordset(?::jsonb) as r("penaltyId" uuid, "subjectId" uuid, severity text, "decidedAt" date, "authorityCode" text, "dataSourceCode" text, revoked boolean,
                                              regime text, published boolean, repairable boolean, "repairableFrom" date, "publicityEndsAt" date)
      order by r."penaltyId"
     on conflict (id) do update set subject_id = excluded.subject_id, severity = excluded.severity, decided_at = excluded.decided_at,
       authority_code = excluded.authority_code, data_source_code = excluded.data_source_code, revoked = excluded.revoked,
       regime = coalesce(excluded.regime, t.regime), published = coalesce(excluded.published, t.published), repairable = coalesce(excluded.repairable, t.repairable),
       repairable_from = coalesce(excluded.repairable_from, t.repairable_from), publicity_ends_at = coalesce(excluded.publicity_ends_at, t.publicity_ends_at),
       changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [changedAt, JSON.stringify(penalties)],
  );
}

/**
 * Facts known only from before the publicity facts existed take them even from an older event
 * (subjects sends every existing penalty again once): they fill a gap and overwrite nothing.
 */
export async function fillPenaltyPublicity(em: EntityManager, penalties: PenaltyFacts[]): Promise<void> {
  await boundQuery(
    em,
    `update ${SCHEMA}.penalty_fact as t set regime = r.regime, published = r.published, repairable = r.repairable,
            repairable_from = r."repairableFrom", publicity_ends_at = r."publicityEndsAt"
       from jsonb_to_recordset(?::jsonb) as r("penaltyId" uuid, regime text, published boolean, repairable boolean, "repairableFrom" date, "publicityEndsAt" date)
      where t.id = r."penaltyId" and t.regime is null and r.regime is not null`,
    [JSON.stringify(penalties)],
  );
}

/** One list entry from list-entry.changed. */
export async function upsertListEntryFact(em: EntityManager, entry: ListEntryFacts, changedAt: string): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.list_entry_fact as t (id, subject_id, list, status, decided_by_code, valid_until, list_kind, designating_authority_kind, designating_authority, repairable_here, turn_to, changed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set status = excluded.status, valid_until = excluded.valid_until, changed_at = excluded.changed_at,
       list_kind = coalesce(excluded.list_kind, t.list_kind), designating_authority_kind = coalesce(excluded.designating_authority_kind, t.designating_authority_kind),
       designating_authority = coalesce(excluded.designating_authority, t.designating_authority), repairable_here = coalesce(excluded.repairable_here, t.repairable_here),
       turn_to = case when excluded.repairable_here is null then t.turn_to else excluded.turn_to end
     where t.changed_at <= excluded.changed_at`,
    [
      entry.entryId,
      entry.subjectId,
      entry.list,
      entry.status,
      entry.decidedByCode,
      entry.validUntil,
      // Events written before list kinds carry none: what is known stays.
      entry.listKind ?? null,
      entry.designatingAuthorityKind ?? null,
      entry.designatingAuthority ?? null,
      entry.repairableHere ?? null,
      entry.turnTo ?? null,
      changedAt,
    ],
  );
}

/** One commitment from commitment.changed: a signature adds it, a change of status replaces it. */
export async function upsertCommitmentFact(
  em: EntityManager,
  commitment: EventCatalogue['commitment.changed'],
  changedAt: string,
): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.commitment_fact as t (id, subject_id, kind, status, valid_until, changed_at) values (?, ?, ?, ?, ?, ?)
     on conflict (id) do update set subject_id = excluded.subject_id, kind = excluded.kind, status = excluded.status,
       valid_until = excluded.valid_until, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [
      commitment.commitmentId,
      commitment.subjectId,
      commitment.kind,
      commitment.status,
      commitment.validUntil,
      changedAt,
    ],
  );
}

/** A licence, an action or an evaluation as an objection needs it (entities/target-facts.ts ObjectableRecordFact). */
export interface ObjectableFactRow {
  id: string;
  kind: 'LICENSE' | 'ACTION' | 'EVALUATION';
  subjectId: string;
  ownerCode: string | null;
  withdrawn: boolean;
  /** When the event that told it occurred: a later change already stored is kept. */
  changedAt: string;
}

/**
 * Records from licenses.changed, actions.changed and evaluation.changed, in one statement; of one record told
 * twice in the rows the later telling is kept first (one statement may not update a row twice).
 */
export async function upsertObjectableFacts(em: EntityManager, rows: readonly ObjectableFactRow[]): Promise<void> {
  const latest = latestPerKey(
    rows,
    (row) => row.id,
    (row) => row.changedAt,
  );
  if (latest.length === 0) return;
  await boundQuery(
    em,
    `insert into ${SCHEMA}.objectable_record_fact as t (id, kind, subject_id, owner_code, withdrawn, changed_at)
     select r.id, r.kind, r."subjectId", r."ownerCode", r.withdrawn, r."changedAt"
       from jsonb_to_recordset(?::jsonb) as r(id uuid, kind text, "subjectId" uuid, "ownerCode" text, withdrawn boolean, "changedAt" timestamptz)
      order by r.id
     on conflict (id) do update set subject_id = excluded.subject_id, owner_code = coalesce(excluded.owner_code, t.owner_code),
       withdrawn = excluded.withdrawn, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [JSON.stringify(latest)],
  );
}
