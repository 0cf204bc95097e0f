import { randomUUID } from 'node:crypto';
import type { EntityManager } from '../../../shared/db/orm';
import {
  fillMissingCodes,
  findSubjectsByCodes,
  insertNewSubjects,
  SubjectCodes,
  SubjectRow,
} from '../repositories/subjects';
import type { Accepted } from '../rules/report-batch';
import { Party, partyKey } from '../rules/report-validation';
import { announceSubjects } from './subject-facts';

/** A party as a subject row; `id` is used only when the subject is new. */
function subjectRow(party: Party, id: string): SubjectRow {
  if (party.by === 'idNumber') {
    return {
      id,
      uscc: null,
      registration_no: null,
      id_number: party.idNumber,
      id_type: party.idType,
      name: party.name,
      kind: 'NATURAL_PERSON',
      division_code: party.divisionCode,
      legal_rep_name: null,
      legal_rep_id_type: null,
      legal_rep_id_number: null,
      org_code: null,
      tax_registration_no: null,
      institution_certificate_no: null,
      social_org_registration_no: null,
    };
  }
  return {
    id,
    uscc: party.uscc,
    registration_no: party.registrationNo,
    id_number: null,
    id_type: null,
    name: party.name,
    kind: party.kind,
    division_code: party.divisionCode,
    legal_rep_name: party.legalRepName,
    legal_rep_id_type: party.legalRepIdType,
    legal_rep_id_number: party.legalRepIdNumber,
    org_code: party.orgCode,
    tax_registration_no: party.taxRegistrationNo,
    institution_certificate_no: party.institutionCertificateNo,
    social_org_registration_no: party.socialOrgRegistrationNo,
  };
}

function idsBy(found: SubjectCodes[], code: (subject: SubjectCodes) => string | null): Map<string, string> {
  const ids = new Map<string, string>();
  for (const subject of found) {
    const value = code(subject);
    if (value) ids.set(value, subject.id);
  }
  return ids;
}

/**
 * Subjects of the accepted records, by party key: created when first met (and announced),
 * then read back by their codes. A subject met again keeps what it has; codes it
 * lacks (行政相对人代码_2 … _6, 法定代表人证件, its USCC once an 个体工商户 known by
 * its 工商注册号 gets one) are filled in, never overwritten.
 */
export async function resolveParties(em: EntityManager, accepted: Accepted[]): Promise<Map<string, string>> {
  const byCode = new Map<string, Party>();
  for (const { party } of accepted) byCode.set(partyKey(party), party);
  const rows = [...byCode.values()].map((party) => subjectRow(party, randomUUID()));
  await announceSubjects(em, await insertNewSubjects(em, rows));
  const found = await findSubjectsByCodes(em, rows);
  const byUscc = idsBy(found, (f) => f.uscc);
  const byRegistration = idsBy(found, (f) => f.registration_no);
  const byIdNumber = idsBy(found, (f) => f.id_number);
  const ids = new Map<string, string>();
  const fills: SubjectRow[] = [];
  for (const [key, party] of byCode) {
    const id =
      party.by === 'idNumber'
        ? byIdNumber.get(party.idNumber)
        : (party.uscc && byUscc.get(party.uscc)) ||
          (party.registrationNo && byRegistration.get(party.registrationNo)) ||
          undefined;
    if (id === undefined) continue;
    ids.set(key, id);
    fills.push(subjectRow(party, id));
  }
  const filled = await fillMissingCodes(em, fills);
  // An 个体工商户 known by its 工商注册号 that now has its USCC joins sanctions' index too.
  const withoutCode = new Set(found.filter((f) => f.uscc === null).map((f) => f.id));
  await announceSubjects(
    em,
    filled.filter((row) => withoutCode.has(row.id)),
  );
  return ids;
}
