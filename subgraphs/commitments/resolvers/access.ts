import { isOwnOrCreditOffice, Principal } from '../../../shared/auth/principal';
import { forbidden } from '../../../shared/graphql/errors';

/** The department acting: commitments and templates are written by a department, so a token without org may not write. */
export function actingOrg(principal: Principal, what: string): string {
  if (!principal.org) throw forbidden(`${what} is recorded by a department: the token carries no org`);
  return principal.org;
}

/** Only the department that owns the record (or the credit office) changes it. */
export function requireOwner(principal: Principal, ownerCode: string, what: string): void {
  if (!isOwnOrCreditOffice(principal, ownerCode)) throw forbidden(`only ${ownerCode} or the credit office may change ${what}`);
}
