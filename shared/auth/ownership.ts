import { forbidden } from '../graphql/errors';
import { SCOPES } from './policy';
import { hasScope, Principal } from './principal';

/**
 * Who owns what, for every subgraph (one module, one reading):
 * - the credit office (区信用办) is the principal holding `credit:coordinate`,
 *   a scope only its role grants and no token can claim (policy.ts);
 * - a record belongs to the department (org) that reported or designated it;
 * - a department writes as itself: a token without org writes nothing.
 */
export function isCreditOffice(principal: Principal): boolean {
  return hasScope(principal, SCOPES.coordinate);
}

/** The department acting; FORBIDDEN when the token names none (`what` says what it tried to record). */
export function actingOrg(principal: Principal, what: string): string {
  if (!principal.org) throw forbidden(`${what} is recorded by a department: the token carries no org`);
  return principal.org;
}

/** `org` is the owning department: both known and the same (code that holds an org, not a principal). */
export function isOwningOrg(org: string | null, ownerCode: string | null): boolean {
  return org !== null && ownerCode !== null && org === ownerCode;
}

/** The owning department itself (by org). */
export function isOwner(principal: Principal, ownerCode: string | null): boolean {
  return isOwningOrg(principal.org, ownerCode);
}

/** The owning department, or the credit office coordinating it. */
export function isOwnerOrCreditOffice(principal: Principal, ownerCode: string | null): boolean {
  return isCreditOffice(principal) || isOwner(principal, ownerCode);
}

/** FORBIDDEN unless the owner or the credit office acts (`what` names the record, e.g. 'this entry'). */
export function requireOwner(principal: Principal, ownerCode: string, what: string, verb = 'change'): void {
  if (!isOwnerOrCreditOffice(principal, ownerCode))
    throw forbidden(`only ${ownerCode} or the credit office may ${verb} ${what}`);
}
