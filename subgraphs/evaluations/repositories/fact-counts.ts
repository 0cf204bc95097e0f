import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import type { FactCounts } from '../rules/model';

/** Each subject's fact counts, and the first date one of them ends by time alone. */
export interface SubjectFacts {
  counts: FactCounts;
  /** The first China date on which a counted fact no longer holds (publicity or validity ended); null if none ends. */
  nextChangeOn: string | null;
}

/**
 * The facts of many subjects in one statement (the projection tables, grouped by subject and fact
 * kind), as they hold on `today`:
 * - a penalty is in publicity when published, not revoked, not repaired and publicityEndsAt ≥ today;
 * - a list entry is active when PUBLISHED, not repaired and valid until today or without end;
 * - a licence is valid when decided, not revoked and valid until today or without end;
 * - commitments count by status (FULFILLED, BREACHED); repairs by their approved cases.
 */
export async function factCounts(
  em: EntityManager,
  subjectIds: readonly string[],
  today: string,
): Promise<Map<string, SubjectFacts>> {
  const result = new Map<string, SubjectFacts>();
  if (subjectIds.length === 0) return result;
  const rows = await boundQuery<{ subject_id: string; fact: string; n: number; changes_on: string | null }>(
    em,
    `with ids as (select unnest(?::uuid[]) as id), d as (select ?::date as today)
     select f.subject_id, f.fact, count(*)::int as n, to_char(min(f.changes_on), 'YYYY-MM-DD') as changes_on from (
       select p.subject_id, 'PENALTY_' || p.severity || '_IN_PUBLICITY' as fact, p.publicity_ends_at + 1 as changes_on
         from ${SCHEMA}.penalty_fact p join ids on ids.id = p.subject_id, d
        where p.published and not p.revoked and p.publicity_ends_at >= d.today
          and not exists (select 1 from ${SCHEMA}.repair_fact r where r.target_id = p.id)
       union all
       select l.subject_id, l.list || '_LIST_ACTIVE', l.valid_until + 1
         from ${SCHEMA}.list_entry_fact l join ids on ids.id = l.subject_id, d
        where l.status = 'PUBLISHED' and (l.valid_until is null or l.valid_until >= d.today)
          and not exists (select 1 from ${SCHEMA}.repair_fact r where r.target_id = l.id)
       union all
       select c.subject_id, 'COMMITMENT_' || c.status, null::date
         from ${SCHEMA}.commitment_fact c join ids on ids.id = c.subject_id
        where c.status in ('FULFILLED', 'BREACHED')
       union all
       select x.subject_id, 'LICENSE_VALID', x.valid_until + 1
         from ${SCHEMA}.license_fact x join ids on ids.id = x.subject_id, d
        where not x.revoked and x.decided_at <= d.today and (x.valid_until is null or x.valid_until >= d.today)
       union all
       select t.subject_id, 'REPAIR_COMPLETED', null::date
         from ${SCHEMA}.repair_fact r
         join (select id, subject_id from ${SCHEMA}.penalty_fact union all select id, subject_id from ${SCHEMA}.list_entry_fact) t on t.id = r.target_id
         join ids on ids.id = t.subject_id
     ) f group by f.subject_id, f.fact`,
    [subjectIds, today],
  );
  for (const row of rows) {
    const facts = result.get(row.subject_id) ?? { counts: {}, nextChangeOn: null };
    facts.counts[row.fact] = row.n;
    if (row.changes_on !== null && (facts.nextChangeOn === null || row.changes_on < facts.nextChangeOn))
      facts.nextChangeOn = row.changes_on;
    result.set(row.subject_id, facts);
  }
  return result;
}
