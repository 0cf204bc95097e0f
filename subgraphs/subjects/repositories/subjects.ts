import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { SubjectStatus } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';

/** A subject as a report writes it (jsonb_to_recordset keys). */
export interface SubjectRow {
  id: string;
  uscc: string | null;
  registration_no: string | null;
  id_number: string | null;
  id_type: string | null;
  name: string;
  kind: string;
  division_code: string;
  legal_rep_name: string | null;
  legal_rep_id_type: string | null;
  legal_rep_id_number: string | null;
  org_code: string | null;
  tax_registration_no: string | null;
  institution_certificate_no: string | null;
  social_org_registration_no: string | null;
}

/** A subject a statement created or changed, as the subgraphs indexing subjects learn of it ('subjects.registered'). */
export interface WrittenSubject {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
  industry: string | null;
  street: string | null;
}

/** A subject found by one of the codes a party is known by. */
export interface SubjectCodes {
  id: string;
  uscc: string | null;
  registration_no: string | null;
  id_number: string | null;
}

const SUBJECT_ROW_TYPE =
  'id uuid, uscc text, registration_no text, id_number text, id_type text, name text, kind text, division_code text, legal_rep_name text, legal_rep_id_type text, legal_rep_id_number text, org_code text, tax_registration_no text, institution_certificate_no text, social_org_registration_no text';

/** Inserts the subjects not known yet by any of their codes (in code order); returns those created. */
export function insertNewSubjects(em: EntityManager, rows: SubjectRow[]): Promise<WrittenSubject[]> {
  return boundQuery<WrittenSubject>(
    em,
    `insert into ${SCHEMA}.subject (id, uscc, registration_no, id_number, id_type, name, kind, status, division_code, legal_rep_name, legal_rep_id_type, legal_rep_id_number, org_code, tax_registration_no, institution_certificate_no, social_org_registration_no)
     select r.id, r.uscc, r.registration_no, r.id_number, r.id_type, r.name, r.kind, ?, r.division_code, r.legal_rep_name, r.legal_rep_id_type, r.legal_rep_id_number, r.org_code, r.tax_registration_no, r.institution_certificate_no, r.social_org_registration_no
       from jsonb_to_recordset(?::jsonb) as r(${SUBJECT_ROW_TYPE})
      order by r.uscc, r.registration_no, r.id_number
     on conflict do nothing
     returning id, uscc, name, kind, industry, street`,
    [SubjectStatus.ACTIVE, JSON.stringify(rows)],
  );
}

/** The subjects holding any of these codes (USCC, 工商注册号, ID number). */
export function findSubjectsByCodes(em: EntityManager, rows: SubjectRow[]): Promise<SubjectCodes[]> {
  const values = (codes: (string | null)[]) => JSON.stringify(codes.filter((code): code is string => code !== null));
  return boundQuery<SubjectCodes>(
    em,
    `select id, uscc, registration_no, id_number from ${SCHEMA}.subject
      where uscc in (select jsonb_array_elements_text(?::jsonb))
         or registration_no in (select jsonb_array_elements_text(?::jsonb))
         or id_number in (select jsonb_array_elements_text(?::jsonb))
      order by id`,
    [values(rows.map((r) => r.uscc)), values(rows.map((r) => r.registration_no)), values(rows.map((r) => r.id_number))],
  );
}

/** Codes a known subject lacks, taken from the report; a USCC or 工商注册号 another subject holds is left alone. */
export async function fillMissingCodes(em: EntityManager, rows: SubjectRow[]): Promise<WrittenSubject[]> {
  if (rows.length === 0) return [];
  return boundQuery<WrittenSubject>(
    em,
    `update ${SCHEMA}.subject s set
        uscc = coalesce(s.uscc, case when r.uscc is not null and not exists (select 1 from ${SCHEMA}.subject o where o.uscc = r.uscc) then r.uscc end),
        registration_no = coalesce(s.registration_no, case when r.registration_no is not null and not exists (select 1 from ${SCHEMA}.subject o where o.registration_no = r.registration_no) then r.registration_no end),
        id_type = coalesce(s.id_type, r.id_type),
        legal_rep_name = coalesce(s.legal_rep_name, r.legal_rep_name),
        legal_rep_id_type = coalesce(s.legal_rep_id_type, r.legal_rep_id_type),
        legal_rep_id_number = coalesce(s.legal_rep_id_number, r.legal_rep_id_number),
        org_code = coalesce(s.org_code, r.org_code),
        tax_registration_no = coalesce(s.tax_registration_no, r.tax_registration_no),
        institution_certificate_no = coalesce(s.institution_certificate_no, r.institution_certificate_no),
        social_org_registration_no = coalesce(s.social_org_registration_no, r.social_org_registration_no)
       from (select * from jsonb_to_recordset(?::jsonb) as x(${SUBJECT_ROW_TYPE}) order by x.id) r
      where s.id = r.id
        and (s.uscc is null and r.uscc is not null or s.registration_no is null and r.registration_no is not null
             or s.id_type is null and r.id_type is not null or s.legal_rep_name is null and r.legal_rep_name is not null
             or s.legal_rep_id_type is null and r.legal_rep_id_type is not null or s.legal_rep_id_number is null and r.legal_rep_id_number is not null
             or s.org_code is null and r.org_code is not null or s.tax_registration_no is null and r.tax_registration_no is not null
             or s.institution_certificate_no is null and r.institution_certificate_no is not null
             or s.social_org_registration_no is null and r.social_org_registration_no is not null)
      returning s.id, s.uscc, s.name, s.kind, s.industry, s.street`,
    [JSON.stringify(rows)],
  );
}
