import { Arg, Args, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { isCreditOffice } from '../../../shared/auth/ownership';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { connectionType, PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { forbidden } from '../../../shared/graphql/errors';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Submission } from '../entities/submission';
import type { SubjectsContext } from '../loaders';
import { publicityFactsOf, reportRecords } from './report-writer';
import { recordToRevoke, RevocableKind } from '../services/record-to-revoke';
import { publishEvent } from '../../../shared/events/publish';
import { ActionReport, LicenseReport, PenaltyReport, ReportInput, ReportResult } from './report-types';

const LIMIT = '每次至多 5,000 条; the reporting department is the token’s org; each record is checked on its own and rejected ones are kept with their reasons';

const PENALTY: RevocableKind<AdministrativePenalty> = {
  action: '撤销处罚',
  records: 'penalties',
  numberArgument: 'decisionNo',
  noun: 'penalty',
  find: (em, authority, decisionNo) => em.findOne(AdministrativePenalty, { authorityCode: authority.code, decisionNo }),
};

@ObjectType({ description: '报送记录分页' })
export class ReportSubmissionConnection extends connectionType(Submission) {}

/** 报送 by interface (§5–6): departments' systems send their records here; files arrive through the gateway's /ingest. */
@Resolver()
export class ReportResolver {
  @Mutation(() => ReportResult, { nullable: true, description: `报送行政处罚 (双公示). ${LIMIT}` })
  @RequiresScopes([SCOPES.recordsWrite])
  reportPenalties(@Ctx() ctx: SubjectsContext, @Arg('records', () => [PenaltyReport]) records: ReportInput[]): Promise<ReportResult> {
    return reportRecords(ctx, 'penalties', records);
  }

  @Mutation(() => ReportResult, { nullable: true, description: `报送行政许可 (双公示). ${LIMIT}` })
  @RequiresScopes([SCOPES.recordsWrite])
  reportLicenses(@Ctx() ctx: SubjectsContext, @Arg('records', () => [LicenseReport]) records: ReportInput[]): Promise<ReportResult> {
    return reportRecords(ctx, 'licenses', records);
  }

  @Mutation(() => ReportResult, { nullable: true, description: `报送其他行政行为 (行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查). ${LIMIT}` })
  @RequiresScopes([SCOPES.recordsWrite])
  reportActions(@Ctx() ctx: SubjectsContext, @Arg('records', () => [ActionReport]) records: ReportInput[]): Promise<ReportResult> {
    return reportRecords(ctx, 'actions', records);
  }

  @Paged()
  @Query(() => ReportSubmissionConnection, { nullable: true, description: '本部门的报送记录 (newest first), 默认只列退回待更正的; the credit office sees every department’s' })
  @RequiresScopes([SCOPES.recordsWrite])
  async reportSubmissions(
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
    @Arg('outcome', () => SubmissionOutcome, { defaultValue: SubmissionOutcome.REJECTED, description: '报送结果' }) outcome: SubmissionOutcome,
    @Arg('kind', () => RecordKind, { nullable: true, description: '记录类别' }) kind?: RecordKind | null,
    @Arg('department', () => String, { nullable: true, description: '部门代码 (the credit office only; others always see their own)' }) department?: string | null,
  ): Promise<ReportSubmissionConnection> {
    const page = resolvePage(pageArgs);
    const org = isCreditOffice(ctx.principal) ? (department ?? null) : ctx.principal.org;
    if (!isCreditOffice(ctx.principal) && !org) throw forbidden('报送记录按部门查看: the token carries no org');
    const where: FilterQuery<Submission> = { outcome, ...(kind ? { kind } : {}), ...(org ? { departmentCode: org } : {}) };
    const [nodes, total] = await ctx.em.findAndCount(Submission, where, { orderBy: { submittedAt: 'desc', id: 'asc' }, limit: page.limit, offset: page.offset });
    return toConnection(nodes, total, page);
  }

  @Mutation(() => AdministrativePenalty, { nullable: true, description: '行政处罚决定被撤销: 终止公示、停止共享 (the authority, a department it delegated reporting to, or the credit office; repeating it changes nothing)' })
  @RequiresScopes([SCOPES.recordsWrite])
  async revokePenalty(
    @Ctx() ctx: SubjectsContext,
    @Arg('authorityUscc', { description: '处罚机关统一社会信用代码' }) authorityUscc: string,
    @Arg('decisionNo', { description: '行政处罚决定书文号' }) decisionNo: string,
    @Arg('reason', { description: '撤销理由 (e.g. 复议决定书、判决书文号)' }) reason: string,
  ): Promise<AdministrativePenalty> {
    const { record: penalty, reason: why } = await recordToRevoke(ctx, PENALTY, authorityUscc, decisionNo, reason);
    if (penalty.revokedAt !== null) return penalty;
    return ctx.em.transactional(async (em) => {
      // Locked before its event is written: a background re-send of this penalty's facts (services/republish-penalties.ts) cannot read it meanwhile.
      const revoked = await em.findOneOrFail(AdministrativePenalty, { id: penalty.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (revoked.revokedAt !== null) return revoked;
      revoked.revokedAt = new Date();
      revoked.revocationReason = why;
      await publishEvent(em, 'penalties.changed', {
        penalties: [{ penaltyId: revoked.id, subjectId: revoked.subjectId, severity: revoked.severity, decidedAt: revoked.decidedAt, authorityCode: revoked.authorityCode, dataSourceCode: revoked.dataSourceCode, revoked: true, ...publicityFactsOf(revoked) }],
      });
      return revoked;
    });
  }
}
