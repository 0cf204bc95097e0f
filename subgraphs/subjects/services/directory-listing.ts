import { isCreditOffice } from '../../../shared/auth/ownership';
import { badUserInput, forbidden } from '../../../shared/graphql/errors';
import { DirectoryChange } from '../entities/directory-change';
import { ReportingDelegation } from '../entities/reporting-delegation';
import { departmentCode } from '../inputs/department-code';
import type { SubjectsContext } from '../loaders';

/** Most delegations or directory changes one query lists. */
export const MAX_LISTED = 500;

/** 报送委托 (newest first): the credit office sees all (or one department's), a department those it gives or holds. */
export function listReportingDelegations(
  ctx: SubjectsContext,
  department: string | null,
  inForceOnly: boolean,
): Promise<ReportingDelegation[]> {
  const office = isCreditOffice(ctx.principal);
  const org = office ? (department == null ? null : departmentCode('department', department)) : ctx.principal.org;
  if (!office && !org) throw forbidden('报送委托按部门查看: the token carries no org');
  const today = ctx.today;
  return ctx.em.find(
    ReportingDelegation,
    {
      ...(org ? { $or: [{ authorityCode: org }, { delegateCode: org }] } : {}),
      ...(inForceOnly
        ? {
            revokedAt: null,
            validFrom: { $lte: today },
            $and: [{ $or: [{ validUntil: null }, { validUntil: { $gte: today } }] }],
          }
        : {}),
    },
    { orderBy: { createdAt: 'desc', id: 'asc' }, limit: MAX_LISTED },
  );
}

/** The directory's changes (newest first), of one department as authority or delegate when given. */
export function listDirectoryChanges(
  ctx: SubjectsContext,
  department: string | null,
  first: number,
): Promise<DirectoryChange[]> {
  if (first < 1 || first > MAX_LISTED) throw badUserInput('first', `'first' must be 1–${MAX_LISTED}`);
  const code = department == null ? null : departmentCode('department', department);
  return ctx.em.find(DirectoryChange, code ? { $or: [{ departmentCode: code }, { delegateCode: code }] } : {}, {
    orderBy: { occurredAt: 'desc', id: 'asc' },
    limit: first,
  });
}
