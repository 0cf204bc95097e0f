import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '../../../shared/db/orm';
import { SubjectKind } from '../../../shared/domain/vocabulary';
import { maskPersonName } from '../../../shared/identifiers/person-name';
import { CreditReport } from '../entities/credit-report';
import type { CreditReportVerification } from '../entities/credit-report-verification';
import { isSelfRequested } from '../rules/self-service';
import { isStillValid } from '../rules/validity';

/** The one answer for anything not genuine: a guess learns nothing, not even whether the number exists. */
export const NOT_GENUINE: CreditReportVerification = Object.freeze({
  genuine: false,
  unaltered: null,
  valid: false,
  number: null,
  kind: null,
  issuedAt: null,
  validUntil: null,
  issuer: null,
  requestedBySubject: null,
  subject: null,
  matter: null,
  verdict: null,
});

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Arguments already canonical (rules/report-number.ts, rules/verification-code.ts; sha256 lower-case hex or null). */
export async function verifyReport(
  em: EntityManager,
  number: string,
  code: string,
  sha256: string | null,
  today: string,
): Promise<CreditReportVerification> {
  // The PDF column is lazy: verification never reads the document.
  const report = await em.findOne(CreditReport, { number });
  if (!report || !sameText(report.verificationCode, code)) return NOT_GENUINE;
  return {
    genuine: true,
    unaltered: sha256 === null ? null : sameText(report.sha256, sha256),
    valid: isStillValid(report.validUntil, today),
    number: report.number,
    kind: report.kind,
    issuedAt: report.issuedAt,
    validUntil: report.validUntil,
    issuer:
      report.issuerOrg === null ? null : { code: report.issuerOrg, name: report.issuerOrgName ?? report.issuerOrg },
    requestedBySubject: isSelfRequested(report),
    // The public sees a natural person's name masked, as everywhere (only its own report can be about one).
    subject: {
      uscc: report.subjectUscc,
      name: report.subjectKind === SubjectKind.NATURAL_PERSON ? maskPersonName(report.subjectName) : report.subjectName,
    },
    matter: report.matter,
    verdict: report.verdict,
  };
}
