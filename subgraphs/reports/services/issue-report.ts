import { createHash } from 'node:crypto';
import { actingOrg } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import { notFound } from '../../../shared/graphql/errors';
import type { ReportsConfig } from '../config';
import { renderCreditReport } from '../documents/credit-report-pdf';
import { signPdf } from '../documents/sign-pdf';
import { signingIdentity } from '../documents/signing-identity';
import { CreditReport, SectionCutoffs } from '../entities/credit-report';
import type { IssuedCreditReport } from '../entities/issued-credit-report';
import { ReportValidityRule } from '../entities/report-validity-rule';
import { takeReportNumber } from '../repositories/report-numbers';
import type { IssueArguments } from '../rules/report-arguments';
import { REPORT_TITLES } from '../rules/report-kind';
import { PLATFORM_ISSUER_NAME } from '../rules/self-service';
import { validUntilDate } from '../rules/validity';
import { displayVerificationCode, generateVerificationCode } from '../rules/verification-code';
import { composeContent } from './compose-content';
import { requireCallerAuthorization } from './gateway-read';
import { gatherSections } from './gather-sections';
import { downloadPath, publicUrl, verifyPath } from './report-urls';
import { SECTION_KEYS } from './sections';

export interface IssueContext {
  principal: Principal;
  em: EntityManager;
  callerAuthorization: string | null;
  requestId: string;
  config: ReportsConfig;
}

/**
 * The department issuing the report, or null when the subject asks for its own (args.uscc null): no
 * department acts then, and the subject must be one the platform knows (its id, looked up by the
 * gateway, is what its list entries and cases are told by; without it they would read as the public's).
 */
function issuingOrg(args: IssueArguments, principal: Principal): string | null {
  if (args.uscc !== null) return actingOrg(principal, 'a credit report');
  if (!principal.self?.subjectId)
    throw notFound(
      '本平台未找到本主体（或暂未能确认，请稍后再试）: the platform holds no subject with the code or ID number the sign-in names; no report was issued',
    );
  return null;
}

/**
 * Issues a report: takes its number, gathers the sections through the gateway as
 * the caller, renders and signs the PDF, and stores it once. Nothing is stored
 * unless the whole report could be made. Who asked is stored with it: a department's
 * officer, or the subject itself (no department: the platform issues it).
 */
export async function issueReport(args: IssueArguments, ctx: IssueContext): Promise<CreditReport> {
  const org = issuingOrg(args, ctx.principal);
  const authorization = requireCallerAuthorization(ctx.callerAuthorization, 'a report');
  const rule = await ctx.em.findOneOrFail(ReportValidityRule, { kind: args.kind });
  const issuedOn = chinaToday();
  const number = await takeReportNumber(ctx.em, Number(issuedOn.slice(0, 4)));
  const gathered = await gatherSections({
    uscc: args.uscc,
    scenario: args.scenario,
    number,
    authorization,
    requestId: ctx.requestId,
  });
  const issuedAt = new Date();
  const validUntil = validUntilDate(issuedOn, rule.days);
  const code = generateVerificationCode();
  const identity = signingIdentity();
  const orgName = org === null ? PLATFORM_ISSUER_NAME : (gathered.departments.find((d) => d.code === org)?.name ?? org);
  const verifyUrl = publicUrl(ctx.config.publicBaseUrl, verifyPath(number, code));
  const content = composeContent(
    gathered,
    {
      kind: args.kind,
      number,
      code,
      issuedAt,
      validUntil,
      validityNote: `自出具之日起${rule.days}日内有效`,
      issuer: ctx.principal,
      issuerOrgName: orgName,
      selfRequested: org === null,
      matter: args.matter,
      purpose: args.purpose,
      verifyUrl,
      signer: identity.subject,
    },
    issuedOn,
  );
  const unsigned = await renderCreditReport(content);
  const pdf = await signPdf(unsigned, identity, {
    reason: `${REPORT_TITLES[args.kind]} ${number}`,
    location: '苏州市姑苏区',
    name: orgName,
    contactInfo: org ?? '',
  });
  // A section that was not read (no screening for the subject's own report, the evaluation unavailable) has no cutoff.
  const read = (key: (typeof SECTION_KEYS)[number]): boolean =>
    key === 'screening'
      ? gathered.screening !== null
      : key !== 'evaluation' || gathered.evaluation.state !== 'UNAVAILABLE';
  const cutoffs: SectionCutoffs = Object.fromEntries(
    SECTION_KEYS.filter(read).map((key) => [key, gathered.answeredAt.toISOString()]),
  );
  const report = ctx.em.create(CreditReport, {
    number,
    kind: args.kind,
    subjectId: gathered.subject.id,
    subjectUscc: gathered.subject.uscc ?? args.uscc,
    subjectName: gathered.subject.name,
    subjectKind: gathered.subject.kind as CreditReport['subjectKind'],
    scenario: args.scenario,
    matter: args.matter,
    purpose: args.purpose,
    issuerSub: ctx.principal.sub,
    issuerName: ctx.principal.name,
    issuerOrg: org,
    issuerOrgName: org === null ? null : orgName,
    issuedAt,
    validUntil,
    validityDays: rule.days,
    validitySource: rule.source,
    verdict: gathered.screening?.verdict ?? null,
    sectionCutoffs: cutoffs,
    verificationCode: code,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pdfSize: pdf.length,
    pdf,
  });
  await ctx.em.persistAndFlush(report);
  return report;
}

export function issuedAnswer(report: CreditReport, config: ReportsConfig): IssuedCreditReport {
  return {
    number: report.number,
    kind: report.kind,
    verificationCode: displayVerificationCode(report.verificationCode),
    issuedAt: report.issuedAt,
    validUntil: report.validUntil,
    verdict: report.verdict,
    sha256: report.sha256,
    sizeBytes: report.pdfSize,
    downloadUrl: publicUrl(config.publicBaseUrl, downloadPath(report.number)),
    verifyUrl: publicUrl(config.publicBaseUrl, verifyPath(report.number, report.verificationCode)),
    subject: { id: report.subjectId },
    subjectId: report.subjectId,
  };
}
