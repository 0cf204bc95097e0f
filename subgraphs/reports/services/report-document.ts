import { isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { forbidden } from '../../../shared/graphql/errors';
import { CreditReport } from '../entities/credit-report';
import type { CreditReportDocument } from '../entities/credit-report-document';

/**
 * The stored PDF, byte for byte as issued (never rendered again), for the issuing
 * department or the credit office; null when there is no such report.
 */
export async function reportDocument(
  em: EntityManager,
  principal: Principal,
  number: string,
): Promise<CreditReportDocument | null> {
  const report = await em.findOne(CreditReport, { number }, { populate: ['pdf'] });
  if (!report) return null;
  if (!isOwnerOrCreditOffice(principal, report.issuerOrg))
    throw forbidden(
      `report ${number} may be downloaded by its issuing department (${report.issuerOrg}) or the credit office only`,
    );
  return {
    number: report.number,
    contentType: 'application/pdf',
    filename: `${report.number}.pdf`,
    base64: report.pdf.toString('base64'),
    sha256: report.sha256,
    sizeBytes: report.pdfSize,
    subject: { id: report.subjectId },
  };
}
