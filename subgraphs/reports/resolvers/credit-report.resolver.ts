import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { Scenario } from '../../../shared/domain/vocabulary';
import { badUserInput } from '../../../shared/graphql/errors';
import { reportsConfig } from '../config';
import { CreditReportDocument } from '../entities/credit-report-document';
import { IssuedCreditReport } from '../entities/issued-credit-report';
import type { ReportsContext } from '../loaders';
import { issueArguments, ownReportArguments } from '../rules/report-arguments';
import type { IssueArguments } from '../rules/report-arguments';
import { CreditReportKind } from '../rules/report-kind';
import { normalizeReportNumber } from '../rules/report-number';
import { CREDIT_REPORT_RULE } from '../rules/self-service';
import { issuedAnswer, issueReport } from '../services/issue-report';
import { reportDocument } from '../services/report-document';

/** Issues the report as the caller (its sections are gathered through the gateway with the caller's token). */
async function issueAs(ctx: ReportsContext, args: IssueArguments): Promise<IssuedCreditReport> {
  const config = reportsConfig();
  const report = await issueReport(args, {
    principal: ctx.principal,
    em: ctx.em,
    callerAuthorization: ctx.callerAuthorization,
    requestId: ctx.requestId,
    config,
  });
  return issuedAnswer(report, config);
}

/**
 * Issuing a report and downloading it again: the hall window and terminal systems (credit:report), and
 * the subject signed in as itself for its own 公共信用信息报告 (subject:self).
 */
@Resolver()
export class CreditReportResolver {
  @Mutation(() => IssuedCreditReport, {
    nullable: true,
    description:
      '出具信用报告 (credit:report): 信用审查报告 for the matter being handled (its scenario screened), or the subject’s own 公共信用信息报告; ' +
      'numbered, signed, stored once. Refused (SCREENING_UNAVAILABLE, SECTION_UNAVAILABLE) rather than issued incomplete.',
  })
  @RequiresScopes([SCOPES.report])
  async issueCreditReport(
    @Ctx() ctx: ReportsContext,
    @Arg('uscc', () => String, { description: '统一社会信用代码' }) uscc: string,
    @Arg('matter', () => String, { description: '办理事项 (1–100 字)' }) matter: string,
    @Arg('scenario', () => Scenario, { nullable: true, description: '应用场景 (required for REVIEW)' })
    scenario?: Scenario | null,
    @Arg('purpose', () => String, { nullable: true, description: '用途 (至多 200 字)' }) purpose?: string | null,
    @Arg('kind', () => CreditReportKind, { defaultValue: CreditReportKind.REVIEW, description: '报告类别' })
    kind: CreditReportKind = CreditReportKind.REVIEW,
  ): Promise<IssuedCreditReport> {
    return issueAs(ctx, issueArguments({ uscc, kind, scenario, matter, purpose }));
  }

  @Mutation(() => IssuedCreditReport, {
    nullable: true,
    description:
      '出具我的公共信用信息报告 (subject:self): the signed-in subject’s own 公共信用信息报告, gathered through the gateway as the subject itself (mySubject) — ' +
      'never about another; numbered, signed, stored once, verifiable as any report; downloaded again with creditReportDocument. ' +
      'NOT_FOUND when the platform holds no subject the sign-in names; SECTION_UNAVAILABLE rather than issued incomplete.',
  })
  @RequiresScopes([SCOPES.self])
  async issueMyCreditReport(
    @Ctx() ctx: ReportsContext,
    @Arg('purpose', () => String, { nullable: true, description: '用途 (至多 200 字, printed on the report)' })
    purpose?: string | null,
  ): Promise<IssuedCreditReport> {
    return issueAs(ctx, ownReportArguments({ purpose }));
  }

  @Query(() => CreditReportDocument, {
    nullable: true,
    description:
      '信用报告文件: the stored PDF, for its issuing department or the credit office (credit:report), or for the subject itself its own ' +
      '公共信用信息报告 that it asked for (subject:self); null = 无此报告 (to a subject, also any report not its own)',
  })
  @RequiresScopes(...CREDIT_REPORT_RULE)
  async creditReportDocument(
    @Ctx() ctx: ReportsContext,
    @Arg('number', () => String, { description: '报告编号' }) number: string,
  ): Promise<CreditReportDocument | null> {
    const canonical = normalizeReportNumber(number);
    if (!canonical)
      throw badUserInput(
        'number',
        `'number' is not a report number (GSXY-YYYY-NNNNNN): ${JSON.stringify(number.slice(0, 40))}`,
      );
    return reportDocument(ctx.em, ctx.principal, canonical);
  }
}
