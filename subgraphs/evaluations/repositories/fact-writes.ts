import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type {
  EventCatalogue,
  LicenseFacts,
  ListEntryFacts,
  PenaltyFacts,
  RegisteredSubjectFacts,
} from '../../../shared/events/catalogue';
import { SCHEMA } from '../config';

/**
 * The facts evaluations keeps of other subgraphs' records, written from their events. Each write is
 * one statement (a batch is one JSON parameter unpacked by PostgreSQL) and returns the subjects it
 * touched; a late, older event changes nothing (changed_at).
 */

const subjectIds = (rows: { subject_id: string }[]): string[] => [...new Set(rows.map((r) => r.subject_id))];

/** Subjects from subjects.registered: kind, industry and street are kept when an older event lacks them. */
export async function upsertSubjects(
  em: EntityManager,
  subjects: RegisteredSubjectFacts[],
  changedAt: string,
): Promise<string[]> {
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `insert into ${SCHEMA}.subject_index as t (id, uscc, name, kind, industry, street, changed_at)
     select r.id, r.uscc, r.name, r.kind, r.industry, r.street, ?
       from jsonb_to_recordset(?::jsonb) as r(id uuid, uscc text, name text, kind text, industry text, street text)
      order by r.id
     on conflict (id) do update set uscc = excluded.uscc, name = excluded.name, kind = coalesce(excluded.kind, t.kind),
       industry = coalesce(excluded.industry, t.industry), street = coalesce(excluded.street, t.street), changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at
     returning t.id as subject_id`,
    [changedAt, JSON.stringify(subjects)],
  );
  return subjectIds(rows);
}

/** Penalties from penalties.changed; the publicity facts of an event without them keep those known. */
export async function upsertPenaltyFacts(
  em: EntityManager,
  penalties: PenaltyFacts[],
  changedAt: string,
): Promise<string[]> {
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `insert into ${SCHEMA}.penalty_fact as t (id, subject_id, severity, revoked, published, publicity_ends_at, changed_at)
     select r."penaltyId", r."subjectId", r.severity, r.revoked, r.published, r."publicityEndsAt", ?
       from jsonb_to_recordset(?::jsonb) as r("penaltyId" uuid, "subjectId" uuid, severity text, revoked boolean, published boolean, "publicityEndsAt" date)
      order by r."penaltyId"
     on conflict (id) do update set subject_id = excluded.subject_id, severity = excluded.severity, revoked = excluded.revoked,
       published = coalesce(excluded.published, t.published), publicity_ends_at = coalesce(excluded.publicity_ends_at, t.publicity_ends_at),
       changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at
     returning t.subject_id`,
    [changedAt, JSON.stringify(penalties)],
  );
  return subjectIds(rows);
}

/** One list entry from list-entry.changed. */
export async function upsertListEntryFact(
  em: EntityManager,
  entry: ListEntryFacts,
  changedAt: string,
): Promise<string[]> {
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `insert into ${SCHEMA}.list_entry_fact as t (id, subject_id, list, status, valid_until, changed_at) values (?, ?, ?, ?, ?, ?)
     on conflict (id) do update set subject_id = excluded.subject_id, list = excluded.list, status = excluded.status,
       valid_until = excluded.valid_until, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at
     returning t.subject_id`,
    [entry.entryId, entry.subjectId, entry.list, entry.status, entry.validUntil, changedAt],
  );
  return subjectIds(rows);
}

/** One commitment from commitment.changed. */
export async function upsertCommitmentFact(
  em: EntityManager,
  commitment: EventCatalogue['commitment.changed'],
  changedAt: string,
): Promise<string[]> {
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `insert into ${SCHEMA}.commitment_fact as t (id, subject_id, kind, status, changed_at) values (?, ?, ?, ?, ?)
     on conflict (id) do update set subject_id = excluded.subject_id, kind = excluded.kind, status = excluded.status,
       changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at
     returning t.subject_id`,
    [commitment.commitmentId, commitment.subjectId, commitment.kind, commitment.status, changedAt],
  );
  return subjectIds(rows);
}

/** Licences from licenses.changed. */
export async function upsertLicenseFacts(
  em: EntityManager,
  licenses: LicenseFacts[],
  changedAt: string,
): Promise<string[]> {
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `insert into ${SCHEMA}.license_fact as t (id, subject_id, decided_at, valid_until, revoked, changed_at)
     select r."licenseId", r."subjectId", r."decidedAt", r."validUntil", r.revoked, ?
       from jsonb_to_recordset(?::jsonb) as r("licenseId" uuid, "subjectId" uuid, "decidedAt" date, "validUntil" date, revoked boolean)
      order by r."licenseId"
     on conflict (id) do update set subject_id = excluded.subject_id, decided_at = excluded.decided_at,
       valid_until = excluded.valid_until, revoked = excluded.revoked, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at
     returning t.subject_id`,
    [changedAt, JSON.stringify(licenses)],
  );
  return subjectIds(rows);
}

/**
 * An approved repair of a penalty or list entry: recorded by its target (the first decision stays);
 * returns the target's subject when its fact is known (else the fact, when it comes, is already repaired).
 */
export async function recordRepair(
  em: EntityManager,
  repair: { targetId: string; repairCaseId: string; decidedAt: string },
): Promise<string[]> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.repair_fact (target_id, repair_case_id, decided_at) values (?, ?, ?) on conflict (target_id) do nothing`,
    [repair.targetId, repair.repairCaseId, repair.decidedAt],
  );
  const rows = await boundQuery<{ subject_id: string }>(
    em,
    `select subject_id from ${SCHEMA}.penalty_fact where id = ? union select subject_id from ${SCHEMA}.list_entry_fact where id = ?`,
    [repair.targetId, repair.targetId],
  );
  return subjectIds(rows);
}
