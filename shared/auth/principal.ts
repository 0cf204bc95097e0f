import { ROLE_SCOPES } from './policy';

/** Who is asking: verified at the gateway, forwarded to the subgraphs. */
export interface Principal {
  /** User or terminal id; 'anonymous' for the public. */
  sub: string;
  name: string;
  /** Department code (e.g. gusu.scjgj); null for the public and for roles without one. */
  org: string | null;
  roles: string[];
  scopes: string[];
  authenticated: boolean;
}

/** The gateway's own identity when it calls a subgraph on its own account; no token may name it. */
export const GATEWAY_SERVICE_SUB = 'gusu-credit-gateway';

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({
  sub: 'anonymous',
  name: '公众',
  org: null,
  roles: ['public'],
  scopes: [...ROLE_SCOPES.public],
  authenticated: false,
}) as Principal;

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope);
}

/** 区信用办: sees every department's internal fields. */
export function isCreditOffice(principal: Principal): boolean {
  return principal.roles.includes('credit_office');
}

/** The reporting department itself, or the credit office. */
export function isOwnOrCreditOffice(principal: Principal, departmentCode: string): boolean {
  return isCreditOffice(principal) || (principal.org !== null && principal.org === departmentCode);
}
