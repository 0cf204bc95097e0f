/**
 * The access policy: which scopes each role grants (DESIGN.md, "Access model").
 * This table is the one place roles are defined; a request's scopes are the
 * union of its token's `scope` claim and the scopes of its `roles`.
 */
export const SCOPES = {
  public: 'credit:public',
  read: 'credit:read',
  screen: 'credit:screen',
  report: 'credit:report',
  stats: 'credit:stats',
  pii: 'credit:pii',
  recordsWrite: 'records:write',
  listsPropose: 'lists:propose',
  listsDecide: 'lists:decide',
  commitmentsWrite: 'commitments:write',
  repairsHandle: 'repairs:handle',
  repairsDecide: 'repairs:decide',
  auditRead: 'audit:read',
  /** The department directory and reporting delegations (区信用办 only). */
  directoryManage: 'directory:manage',
  /** Granted to no role: only the gateway's own service principal records audit events. */
  auditWrite: 'audit:write',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

const HALL: Scope[] = [SCOPES.public, SCOPES.read, SCOPES.screen, SCOPES.report];
const DEPARTMENT: Scope[] = [
  SCOPES.public,
  SCOPES.read,
  SCOPES.screen,
  SCOPES.recordsWrite,
  SCOPES.listsPropose,
  SCOPES.commitmentsWrite,
  SCOPES.repairsHandle,
];
const ANALYST: Scope[] = [SCOPES.public, SCOPES.stats];

export const ROLE_SCOPES = {
  public: [SCOPES.public],
  hall: HALL,
  department: DEPARTMENT,
  analyst: ANALYST,
  credit_office: [
    ...new Set([...HALL, ...DEPARTMENT, ...ANALYST, SCOPES.pii, SCOPES.listsDecide, SCOPES.repairsDecide, SCOPES.auditRead, SCOPES.directoryManage]),
  ],
} satisfies Record<string, Scope[]>;

export type Role = keyof typeof ROLE_SCOPES;
export const ROLES = Object.keys(ROLE_SCOPES) as Role[];

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(ROLE_SCOPES, value);
}

/** Scopes of a request: the `scope` claim (space-separated, as OAuth) ∪ those of its roles; unknown roles grant nothing. */
export function scopesOf(roles: readonly string[], scopeClaim = ''): string[] {
  const scopes = new Set(scopeClaim.split(' ').filter(Boolean));
  for (const role of roles) if (isRole(role)) for (const scope of ROLE_SCOPES[role]) scopes.add(scope);
  return [...scopes].sort();
}
