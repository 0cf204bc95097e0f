import type { ArrivalChannel } from '../domain/submission-channel';
import { ROLE_SCOPES } from './policy';
import type { SelfIdentity } from './self';

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
  /**
   * How this request arrived (报送渠道, §6): set by the gateway alone, from the credential and the path
   * (gateway/auth/submission-channel.ts), and signed into the subgraphs' token; absent for the public
   * and for the gateway's own calls.
   */
  channel?: ArrivalChannel;
  /**
   * Which subject this is, for the subject role alone (信用主体本人): its 统一社会信用代码 or a natural
   * person's 证件号码, from the identity provider's token (gateway/auth/subject-claims.ts), signed into the
   * subgraphs' token; never logged. Absent for every staff role and the public.
   */
  self?: SelfIdentity;
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

// Ownership and "credit office" live in ./ownership.ts (one module for every subgraph).
