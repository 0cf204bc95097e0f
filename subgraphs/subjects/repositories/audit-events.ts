import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { AuditClass } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';

/** One audited read, as the insert takes it (jsonb_to_recordset keys). */
export interface AuditReadRow {
  fields_class: AuditClass;
  subject_id: string | null;
  uscc: string | null;
  purpose: string | null;
}

/** One request's reads and who made them, as the insert takes it. */
export interface AuditBatchRow {
  principal_sub: string;
  principal_name: string;
  org: string | null;
  roles: string[];
  request_id: string;
  operation_name: string | null;
  reads: AuditReadRow[];
}

/** One statement whatever the size (a screening of 10,000 codes is 10,000 events): the batches travel as one JSON parameter. */
export async function insertAuditEvents(em: EntityManager, batches: AuditBatchRow[]): Promise<void> {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.audit_event (id, occurred_at, principal_sub, principal_name, org, roles, fields_class, subject_id, uscc, purpose, request_id, operation_name)
     select ${SCHEMA}.time_ordered_uuid(), now(), b.principal_sub, b.principal_name, b.org, array(select jsonb_array_elements_text(b.roles)),
            r.fields_class, r.subject_id, r.uscc, r.purpose, b.request_id, b.operation_name
       from jsonb_to_recordset(?::jsonb) as b(principal_sub text, principal_name text, org text, roles jsonb, request_id text, operation_name text, reads jsonb)
      cross join lateral jsonb_to_recordset(b.reads) as r(fields_class text, subject_id uuid, uscc text, purpose text)`,
    [JSON.stringify(batches)],
  );
}
