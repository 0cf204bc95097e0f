import { isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope, Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { forbidden } from '../../../shared/graphql/errors';
import { CreditReport } from '../entities/credit-report';
import type { CreditReportDocument } from '../entities/credit-report-document';
import { downloadableBySubject } from '../rules/self-service';

/**
 * The stored PDF, byte for byte as issued (never rendered again), for the issuing
 * department or the credit office; null when there is no such report. The subject
 * itself downloads its own 公共信用信息报告 that it asked for, and nothing else: any
 * other number is, to it, a report that does not exist (null, no error).
 */
export async function reportDocument(
  em: EntityManager,
  principal: Principal,
  number: string,
): Promise<CreditReportDocument | null> {
  const report = await em.findOne(CreditReport, { number }, { populate: ['pdf'] });
  if (!report) return null;
  if (hasScope(principal, SCOPES.self)) {
    if (!downloadableBySubject(report, principal.self?.subjectId ?? null)) return null;
  } else if (!isOwnerOrCreditOffice(principal, report.issuerOrg))
    throw forbidden(
      `report ${number} may be downloaded by its issuing department (${report.issuerOrg ?? 'none: its subject asked for it'}) or the credit office only`,
    );
  return {
    number: report.number,
    contentType: 'application/pdf',
    filename: `${report.number}.pdf`,
    base64: report.pdf.toString('base64'),
    sha256: report.sha256,
    sizeBytes: report.pdfSize,
    subject: { id: report.subjectId },
    subjectId: report.subjectId,
  };
}
