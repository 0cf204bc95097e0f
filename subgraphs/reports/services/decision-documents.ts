import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope, Principal } from '../../../shared/auth/principal';
import { isSelfSubjectId } from '../../../shared/auth/self';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import { forbidden } from '../../../shared/graphql/errors';
import type { ReportsConfig } from '../config';
import { renderDecision } from '../documents/decision-pdf';
import { signPdf } from '../documents/sign-pdf';
import { signingIdentity } from '../documents/signing-identity';
import type { DecisionDocument } from '../entities/decision-document';
import { DecisionDocumentRecord } from '../entities/decision-document-record';
import { takeNumber } from '../repositories/report-numbers';
import { decisionText, GatheredCase, isDecided } from '../rules/decision-content';
import type { DecisionKind } from '../rules/decision-kind';
import { DECISION_NUMBERS } from '../rules/decision-number';
import { displayVerificationCode, generateVerificationCode } from '../rules/verification-code';
import { requireCallerAuthorization } from './gateway-read';
import { gatherCase } from './gather-case';
import { publicUrl, verifyPath } from './report-urls';

export interface DecisionContext {
  principal: Principal;
  em: EntityManager;
  callerAuthorization: string | null;
  requestId: string;
  config: ReportsConfig;
}

function notDecided(c: GatheredCase): GraphQLError {
  return new GraphQLError(
    `案件尚未作出决定: case ${c.caseNumber ?? c.id} is ${c.status}; a decision document is issued once the case is decided`,
    { extensions: { code: 'CASE_NOT_DECIDED', argument: 'caseId', status: c.status } },
  );
}

/** The stored document as answered (the PDF column read). */
export function decisionAnswer(record: DecisionDocumentRecord, config: ReportsConfig): DecisionDocument {
  return {
    number: record.number,
    kind: record.kind,
    caseId: record.caseId,
    caseNumber: record.caseNumber,
    decision: record.decision,
    issuedAt: record.issuedAt,
    verificationCode: displayVerificationCode(record.verificationCode),
    verifyUrl: publicUrl(config.publicBaseUrl, verifyPath(record.number, record.verificationCode)),
    contentType: 'application/pdf',
    filename: `${record.number}.pdf`,
    base64: record.pdf.toString('base64'),
    sha256: record.sha256,
    sizeBytes: record.pdfSize,
    subject: { id: record.subjectId },
    subjectId: record.subjectId,
  };
}

function storedFor(em: EntityManager, kind: DecisionKind, caseId: string): Promise<DecisionDocumentRecord | null> {
  return em.fork().findOne(DecisionDocumentRecord, { kind, caseId }, { populate: ['pdf'] });
}

/** Renders, signs and stores the document of a decided case; another issue of the same case at once stores one. */
async function issueNew(c: GatheredCase, ctx: DecisionContext): Promise<DecisionDocumentRecord> {
  const text = decisionText(c);
  const number = await takeNumber(ctx.em, DECISION_NUMBERS, Number(chinaToday().slice(0, 4)));
  const code = generateVerificationCode();
  const identity = signingIdentity();
  const department = c.decidedBy ?? c.handledBy;
  const departmentName = department?.name ?? '—';
  const issuedAt = new Date();
  const unsigned = await renderDecision({
    text,
    number,
    verification: {
      code: displayVerificationCode(code),
      url: publicUrl(ctx.config.publicBaseUrl, verifyPath(number, code)),
    },
    issuedAt,
    subject: { name: c.subject.name, uscc: c.subject.uscc },
    caseNumber: c.caseNumber,
    submittedAt: new Date(c.submittedAt),
    acceptedAt: c.acceptedAt ? new Date(c.acceptedAt) : null,
    decidedAt: new Date(c.decidedAt ?? issuedAt),
    department: departmentName,
    signer: identity.subject,
  });
  const pdf = await signPdf(unsigned, identity, {
    reason: `${text.title} ${number}`,
    location: '苏州市姑苏区',
    name: departmentName,
    contactInfo: department?.code ?? '',
  });
  const em = ctx.em.fork();
  const record = em.create(DecisionDocumentRecord, {
    number,
    kind: c.kind,
    caseId: c.id,
    caseNumber: c.caseNumber,
    caseStatus: c.status,
    decision: text.decision,
    subjectId: c.subject.id,
    subjectUscc: c.subject.uscc,
    subjectName: c.subject.name,
    decidedByCode: c.decidedBy?.code ?? null,
    handledByCode: c.handledBy?.code ?? null,
    issuerSub: ctx.principal.sub,
    issuerOrg: ctx.principal.org,
    issuedAt,
    verificationCode: code,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pdfSize: pdf.length,
    pdf,
  });
  try {
    await em.persistAndFlush(record);
    return record;
  } catch (error) {
    // Issued by another request meanwhile: that one is the document (this number stays a gap).
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const stored = await storedFor(ctx.em, c.kind, c.id);
    if (!stored) throw error;
    return stored;
  }
}

/**
 * 出具决定书: reads the case through the gateway as the caller (whether the caller may is
 * the gateway's and the repairs subgraph's to say), refuses an undecided one, and answers
 * the one document of the decision — made, signed and stored the first time, the same
 * number and bytes every time after.
 */
export async function issueDecisionDocument(
  kind: DecisionKind,
  caseId: string,
  ctx: DecisionContext,
): Promise<DecisionDocument> {
  const authorization = requireCallerAuthorization(ctx.callerAuthorization, 'a decision document');
  const gathered = await gatherCase({
    kind,
    caseId,
    asSelf: hasScope(ctx.principal, SCOPES.self),
    authorization,
    requestId: ctx.requestId,
  });
  if (!isDecided(gathered)) throw notDecided(gathered);
  const stored = await storedFor(ctx.em, kind, gathered.id);
  return decisionAnswer(stored ?? (await issueNew(gathered, ctx)), ctx.config);
}

/**
 * The stored document by its number, byte for byte as issued. The subject itself reads its
 * own only (another's is as if there were none: null); staff as a report's download — the
 * department that issued it, decided or handles the case, or the credit office.
 */
export async function decisionDocument(
  em: EntityManager,
  principal: Principal,
  number: string,
  config: ReportsConfig,
): Promise<DecisionDocument | null> {
  const record = await em.findOne(DecisionDocumentRecord, { number }, { populate: ['pdf'] });
  if (!record) return null;
  if (hasScope(principal, SCOPES.self))
    return isSelfSubjectId(principal, record.subjectId) ? decisionAnswer(record, config) : null;
  const owners = [record.issuerOrg, record.decidedByCode, record.handledByCode];
  if (!owners.some((owner) => isOwnerOrCreditOffice(principal, owner)))
    throw forbidden(
      `decision document ${number} may be downloaded by the department that issued, decided or handles it (${owners.filter(Boolean).join(', ')}), the credit office, or its subject`,
    );
  return decisionAnswer(record, config);
}
