import type { FilterQuery } from '@mikro-orm/core';
import { isCreditOffice } from '../../../shared/auth/ownership';
import type { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { forbidden } from '../../../shared/graphql/errors';
import { PageArgs, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { Submission } from '../entities/submission';
import type { SubjectsContext } from '../loaders';
import type { ReportSubmissionConnection } from '../types/connections';

export interface SubmissionFilter {
  outcome: SubmissionOutcome;
  kind: RecordKind | null;
  /** The credit office only: another department's; others always see their own. */
  department: string | null;
}

/** A department's submissions (newest first); the credit office sees every department's. */
export async function reportSubmissions(
  ctx: SubjectsContext,
  pageArgs: PageArgs,
  { outcome, kind, department }: SubmissionFilter,
): Promise<ReportSubmissionConnection> {
  const page = resolvePage(pageArgs);
  const org = isCreditOffice(ctx.principal) ? department : ctx.principal.org;
  if (!isCreditOffice(ctx.principal) && !org) throw forbidden('报送记录按部门查看: the token carries no org');
  const where: FilterQuery<Submission> = {
    outcome,
    ...(kind ? { kind } : {}),
    ...(org ? { departmentCode: org } : {}),
  };
  const [nodes, total] = await ctx.em.findAndCount(Submission, where, {
    orderBy: { submittedAt: 'desc', id: 'asc' },
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(nodes, total, page);
}
