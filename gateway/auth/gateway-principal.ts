import { SCOPES } from '../../shared/auth/policy';
import { GATEWAY_SERVICE_SUB, Principal } from '../../shared/auth/principal';

/**
 * The gateway itself, when it calls a subgraph on its own account (the audit
 * log, the department directory): the only holder of the internal audit:write
 * scope, which no token can carry (shared/auth/policy.ts INTERNAL_SCOPES).
 */
export const GATEWAY_PRINCIPAL: Principal = Object.freeze({
  sub: GATEWAY_SERVICE_SUB,
  name: '共享网关',
  org: null,
  roles: [],
  scopes: [SCOPES.auditWrite],
  authenticated: true,
}) as Principal;
