import { isCreditOffice } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { forbidden } from '../../../shared/graphql/errors';
import { Department } from '../entities/department';
import { ReportingDelegation } from '../entities/reporting-delegation';
import { authoritiesOf } from '../rules/reporting-authority';

/**
 * Defence in depth beside the gateway's check: a write in this subgraph comes
 * from a department of the directory, or it is refused before anything else is
 * read. Returns the caller's department.
 */
export async function requireDirectoryOrg(em: EntityManager, principal: Principal, what: string): Promise<Department> {
  if (!principal.org) throw forbidden(`${what}需要带有部门 (org) 的令牌: the token carries no org`);
  const department = await em.findOne(Department, { code: principal.org });
  if (!department)
    throw forbidden(`${what}: org ${JSON.stringify(principal.org.slice(0, 40))} is not a department of the directory`);
  return department;
}

/** The authorities `org` may report and revoke for today (itself and its delegations in force). */
export async function reportableAuthorities(em: EntityManager, org: string, today: string): Promise<Set<string>> {
  const delegations = await em.find(ReportingDelegation, { delegateCode: org, revokedAt: null });
  return authoritiesOf(org, delegations, today);
}

/**
 * The same rule as reporting, for revoking a record of `authority` (revokePenalty, revokeLicense):
 * the authority itself or a department it delegated reporting to (in force today), or the credit
 * office; FORBIDDEN for anyone else (`records` names what is revoked, e.g. 'penalties').
 */
export async function requireMayActFor(
  em: EntityManager,
  principal: Principal,
  org: string,
  authority: Pick<Department, 'code'>,
  today: string,
  records: string,
): Promise<void> {
  if (isCreditOffice(principal) || (await reportableAuthorities(em, org, today)).has(authority.code)) return;
  throw forbidden(
    `only ${authority.code}, a department it delegated reporting to, or the credit office may revoke its ${records}`,
  );
}
