import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { AuditClass } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';

/** One request's audited reads, column by column (read i is the i-th of each), as the insert takes them. */
export interface AuditReadColumns {
  fieldsClass: AuditClass[];
  subjectId: (string | null)[];
  uscc: (string | null)[];
  purpose: (string | null)[];
}

/** One request's reads and who made them. */
export interface AuditBatchRow {
  principal_sub: string;
  principal_name: string;
  org: string | null;
  roles: string[];
  request_id: string;
  operation_name: string | null;
  reads: AuditReadColumns;
}

/**
 * One statement whatever the size (a screening of 10,000 codes is 20,000 events): who asked travels as one
 * small JSON parameter per batch, the reads as five arrays (the batch each belongs to, then its columns)
 * that PostgreSQL unnests — reading 20,000 reads from JSON cost it 49–80 ms (docs/PERFORMANCE.md).
 */
export async function insertAuditEvents(em: EntityManager, batches: AuditBatchRow[]): Promise<void> {
  const reads: { batch: number[] } & AuditReadColumns = {
    batch: [],
    fieldsClass: [],
    subjectId: [],
    uscc: [],
    purpose: [],
  };
  batches.forEach((b, position) => {
    for (let i = 0; i < b.reads.fieldsClass.length; i += 1) {
      reads.batch.push(position);
      reads.fieldsClass.push(b.reads.fieldsClass[i]);
      reads.subjectId.push(b.reads.subjectId[i]);
      reads.uscc.push(b.reads.uscc[i]);
      reads.purpose.push(b.reads.purpose[i]);
    }
  });
  const who = batches.map(({ reads: _reads, ...principal }, position) => ({ ...principal, position }));
  await boundQuery(
    em,
    `insert into ${SCHEMA}.audit_event (id, occurred_at, principal_sub, principal_name, org, roles, fields_class, subject_id, uscc, purpose, request_id, operation_name)
     select ${SCHEMA}.time_ordered_uuid(), now(), b.principal_sub, b.principal_name, b.org, array(select jsonb_array_elements_text(b.roles)),
            r.fields_class, r.subject_id, r.uscc, r.purpose, b.request_id, b.operation_name
       from jsonb_to_recordset(?::jsonb) as b(position int, principal_sub text, principal_name text, org text, roles jsonb, request_id text, operation_name text)
       join unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::text[]) as r(batch, fields_class, subject_id, uscc, purpose)
         on r.batch = b.position`,
    [JSON.stringify(who), reads.batch, reads.fieldsClass, reads.subjectId, reads.uscc, reads.purpose],
  );
}
