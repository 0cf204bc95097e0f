import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { PageArgs, Paged } from '../../../shared/graphql/pagination';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { ActionReport, LicenseReport, PenaltyReport, ReportInput } from '../inputs/report-input';
import type { SubjectsContext } from '../loaders';
import { reportRecords } from '../services/report-records';
import { reportSubmissions } from '../services/report-submissions';
import { revokePenalty } from '../services/revocation';
import { ReportSubmissionConnection } from '../types/connections';
import { ReportResult } from '../types/report-result';

const LIMIT =
  '每次至多 5,000 条; the reporting department is the token’s org; each record is checked on its own and rejected ones are kept with their reasons';

/** 报送 by interface (§5–6): departments' systems send their records here; files arrive through the gateway's /ingest. */
@Resolver()
export class ReportResolver {
  @Mutation(() => ReportResult, { nullable: true, description: `报送行政处罚 (双公示). ${LIMIT}` })
  @RequiresScopes([SCOPES.recordsWrite])
  reportPenalties(
    @Ctx() ctx: SubjectsContext,
    @Arg('records', () => [PenaltyReport]) records: ReportInput[],
  ): Promise<ReportResult> {
    return reportRecords(ctx, 'penalties', records);
  }

  @Mutation(() => ReportResult, { nullable: true, description: `报送行政许可 (双公示). ${LIMIT}` })
  @RequiresScopes([SCOPES.recordsWrite])
  reportLicenses(
    @Ctx() ctx: SubjectsContext,
    @Arg('records', () => [LicenseReport]) records: ReportInput[],
  ): Promise<ReportResult> {
    return reportRecords(ctx, 'licenses', records);
  }

  @Mutation(() => ReportResult, {
    nullable: true,
    description: `报送其他行政行为 (行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查). ${LIMIT}`,
  })
  @RequiresScopes([SCOPES.recordsWrite])
  reportActions(
    @Ctx() ctx: SubjectsContext,
    @Arg('records', () => [ActionReport]) records: ReportInput[],
  ): Promise<ReportResult> {
    return reportRecords(ctx, 'actions', records);
  }

  @Paged()
  @Query(() => ReportSubmissionConnection, {
    nullable: true,
    description: '本部门的报送记录 (newest first), 默认只列退回待更正的; the credit office sees every department’s',
  })
  @RequiresScopes([SCOPES.recordsWrite])
  reportSubmissions(
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
    @Arg('outcome', () => SubmissionOutcome, { defaultValue: SubmissionOutcome.REJECTED, description: '报送结果' })
    outcome: SubmissionOutcome,
    @Arg('kind', () => RecordKind, { nullable: true, description: '记录类别' }) kind?: RecordKind | null,
    @Arg('department', () => String, {
      nullable: true,
      description: '部门代码 (the credit office only; others always see their own)',
    })
    department?: string | null,
  ): Promise<ReportSubmissionConnection> {
    return reportSubmissions(ctx, pageArgs, { outcome, kind: kind ?? null, department: department ?? null });
  }

  @Mutation(() => AdministrativePenalty, {
    nullable: true,
    description:
      '行政处罚决定被撤销: 终止公示、停止共享 (the authority, a department it delegated reporting to, or the credit office; repeating it changes nothing)',
  })
  @RequiresScopes([SCOPES.recordsWrite])
  revokePenalty(
    @Ctx() ctx: SubjectsContext,
    @Arg('authorityUscc', { description: '处罚机关统一社会信用代码' }) authorityUscc: string,
    @Arg('decisionNo', { description: '行政处罚决定书文号' }) decisionNo: string,
    @Arg('reason', { description: '撤销理由 (e.g. 复议决定书、判决书文号)' }) reason: string,
  ): Promise<AdministrativePenalty> {
    return revokePenalty(ctx, { authorityUscc, number: decisionNo, reason });
  }
}
