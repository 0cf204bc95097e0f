import type { EntityManager } from '../../../shared/db/orm';
import { SubjectKind } from '../../../shared/domain/vocabulary';
import { maskPersonName } from '../../../shared/identifiers/person-name';
import { DecisionDocumentRecord } from '../entities/decision-document-record';
import type { DecisionDocumentVerification } from '../entities/decision-document-verification';
import { sameText } from './verify-report';

function isPerson(record: DecisionDocumentRecord): boolean {
  return record.subjectKind === null ? record.subjectUscc === null : record.subjectKind === SubjectKind.NATURAL_PERSON;
}

/** The one answer for anything not genuine. */
export const NOT_GENUINE_DECISION: DecisionDocumentVerification = Object.freeze({
  genuine: false,
  unaltered: null,
  number: null,
  kind: null,
  caseNumber: null,
  decision: null,
  issuedAt: null,
  subject: null,
});

/** Arguments already canonical (rules/document-number.ts, rules/verification-code.ts; sha256 lower-case hex or null). */
export async function verifyDecision(
  em: EntityManager,
  number: string,
  code: string,
  sha256: string | null,
): Promise<DecisionDocumentVerification> {
  // The PDF column is lazy: verification never reads the document.
  const record = await em.findOne(DecisionDocumentRecord, { number });
  if (!record || !sameText(record.verificationCode, code)) return NOT_GENUINE_DECISION;
  return {
    genuine: true,
    unaltered: sha256 === null ? null : sameText(record.sha256, sha256),
    number: record.number,
    kind: record.kind,
    caseNumber: record.caseNumber,
    decision: record.decision,
    issuedAt: record.issuedAt,
    // The public sees a natural person's name masked, as everywhere (a subject without a USCC, where the kind was not kept).
    subject: {
      uscc: record.subjectUscc,
      name: isPerson(record) ? maskPersonName(record.subjectName) : record.subjectName,
    },
  };
}
