import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../shared/graphql/errors';
import { CreditReportVerification } from '../entities/credit-report-verification';
import { DecisionDocumentVerification } from '../entities/decision-document-verification';
import type { ReportsContext } from '../loaders';
import { DECISION_NUMBERS } from '../rules/decision-number';
import { normalizeDocumentNumber, numberPattern } from '../rules/document-number';
import { normalizeReportNumber } from '../rules/report-number';
import { readVerificationCode } from '../rules/verification-code';
import { verifyDecision } from '../services/verify-decision';
import { verifyReport } from '../services/verify-report';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The code and the digest as typed, canonical; BAD_USER_INPUT naming the argument otherwise. */
function codeAndDigest(
  verificationCode: string,
  sha256: string | null | undefined,
): { code: string; digest: string | null } {
  const code = readVerificationCode(verificationCode);
  if (!code.ok) throw badUserInput('verificationCode', code.reason);
  const digest = sha256 == null || sha256.trim() === '' ? null : sha256.trim().toLowerCase();
  if (digest !== null && !SHA256_HEX.test(digest)) throw badUserInput('sha256', "'sha256' is 64 hexadecimal digits");
  return { code: code.code, digest };
}

/** Public verification (信用报告核验, 决定书核验): anyone holding a document's number and code. */
@Resolver()
export class VerifyCreditReportResolver {
  @Query(() => CreditReportVerification, {
    description:
      '信用报告核验 (public): genuine (编号与核验码相符), unaltered (SHA-256), valid (有效期内); only the summary',
  })
  async verifyCreditReport(
    @Ctx() ctx: ReportsContext,
    @Arg('number', () => String, { description: '报告编号' }) number: string,
    @Arg('verificationCode', () => String, { description: '核验码 (as printed; hyphens and spaces ignored)' })
    verificationCode: string,
    @Arg('sha256', () => String, {
      nullable: true,
      description: 'SHA-256 (hex) of the file at hand, to check it is unaltered',
    })
    sha256?: string | null,
  ): Promise<CreditReportVerification> {
    const canonical = normalizeReportNumber(number);
    if (!canonical) throw badUserInput('number', "'number' is not a report number (GSXY-YYYY-NNNNNN)");
    const { code, digest } = codeAndDigest(verificationCode, sha256);
    return verifyReport(ctx.em, canonical, code, digest, ctx.loaders.today);
  }

  @Query(() => DecisionDocumentVerification, {
    description:
      '决定书核验 (public): genuine (编号与核验码相符), unaltered (SHA-256); the number, kind, case number, decision, issue time and subject only',
  })
  async verifyDecisionDocument(
    @Ctx() ctx: ReportsContext,
    @Arg('number', () => String, { description: '决定书编号' }) number: string,
    @Arg('verificationCode', () => String, { description: '核验码 (as printed; hyphens and spaces ignored)' })
    verificationCode: string,
    @Arg('sha256', () => String, {
      nullable: true,
      description: 'SHA-256 (hex) of the file at hand, to check it is unaltered',
    })
    sha256?: string | null,
  ): Promise<DecisionDocumentVerification> {
    const canonical = normalizeDocumentNumber(DECISION_NUMBERS, number);
    if (!canonical)
      throw badUserInput('number', `'number' is not a decision document number (${numberPattern(DECISION_NUMBERS)})`);
    const { code, digest } = codeAndDigest(verificationCode, sha256);
    return verifyDecision(ctx.em, canonical, code, digest);
  }
}
