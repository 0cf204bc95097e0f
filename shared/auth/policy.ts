/**
 * The access policy: which scopes each role grants (DESIGN.md, "Access model").
 * This table is the one place roles are defined. A request's scopes are those
 * of its `roles`, plus the scopes its token's `scope` claim names that one of
 * its roles lets an identity provider grant (GRANTABLE_SCOPES); a claimed scope
 * outside that list, and an internal scope, is ignored.
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
  /** 窗口受理信用修复申请: the service hall's window takes a repair application in person (identity checked there); the credit office too. */
  repairsIntake: 'repairs:intake',
  auditRead: 'audit:read',
  /** The department directory and reporting delegations (区信用办 only). */
  directoryManage: 'directory:manage',
  /** 区信用办: coordinates every department (sees and routes their records and cases); shared/auth/ownership.ts reads "credit office" from it. */
  coordinate: 'credit:coordinate',
  /** Loading the State Council's holiday notice into the working-day calendar (区信用办 only). */
  calendarManage: 'calendar:manage',
  /** Importing evaluation results (公共信用综合评价, 行业信用评价): a department for the sources it owns, the credit office for all. */
  evaluationsImport: 'evaluations:import',
  /** The district's evaluation model, its versions and the supervision rules (区信用办 only). */
  evaluationsManage: 'evaluations:manage',
  /** Drawing 双随机、一公开 spot-check lists and recording their outcomes (a department for its own industries). */
  inspectionsDraw: 'inspections:draw',
  /** The sharing catalogue (共享交换目录), its receivers, their deliveries and reconciliations (区信用办 only). */
  exchangeManage: 'exchange:manage',
  /** Reading a receiver's feed (`changes`) and its watches: a receiving platform, or a department for its own subscription. */
  exchangePull: 'exchange:pull',
  /** Importing joint-punishment lists issued by national and provincial authorities (上级下发名单). */
  listsImport: 'lists:import',
  /**
   * The signed-in subject itself (信用主体本人: an enterprise's or a person's own login): reads about the
   * subject its token names, never about another (shared/auth/self.ts). Only the subject role grants it,
   * and that role takes no other role and no staff scope.
   */
  self: 'subject:self',
  /** Granted to no role: only the gateway's own service principal records audit events. */
  auditWrite: 'audit:write',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

const HALL: Scope[] = [SCOPES.public, SCOPES.read, SCOPES.screen, SCOPES.report, SCOPES.repairsIntake];
const DEPARTMENT: Scope[] = [
  SCOPES.public,
  SCOPES.read,
  SCOPES.screen,
  SCOPES.recordsWrite,
  SCOPES.listsPropose,
  SCOPES.commitmentsWrite,
  SCOPES.repairsHandle,
  SCOPES.evaluationsImport,
  SCOPES.inspectionsDraw,
  SCOPES.exchangePull,
];
const ANALYST: Scope[] = [SCOPES.public, SCOPES.stats];
/** A city or provincial credit platform's service account (市/省信用平台): pulls its feed, sends the lists it issues. */
const PLATFORM: Scope[] = [SCOPES.public, SCOPES.exchangePull, SCOPES.listsImport];

/** The subject itself: what the public gets, and its own records through subject:self, nothing of the staff's. */
const SUBJECT: Scope[] = [SCOPES.public, SCOPES.self];

export const ROLE_SCOPES = {
  public: [SCOPES.public],
  subject: SUBJECT,
  hall: HALL,
  department: DEPARTMENT,
  analyst: ANALYST,
  platform: PLATFORM,
  credit_office: [
    ...new Set([
      ...HALL,
      ...DEPARTMENT,
      ...ANALYST,
      SCOPES.pii,
      SCOPES.listsDecide,
      SCOPES.repairsDecide,
      SCOPES.auditRead,
      SCOPES.directoryManage,
      SCOPES.coordinate,
      SCOPES.calendarManage,
      SCOPES.evaluationsManage,
      SCOPES.exchangeManage,
      SCOPES.listsImport,
    ]),
  ],
} satisfies Record<string, Scope[]>;

export type Role = keyof typeof ROLE_SCOPES;
export const ROLES = Object.keys(ROLE_SCOPES) as Role[];

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(ROLE_SCOPES, value);
}

/** Scopes no token can carry: held only by the gateway's own service principal. */
export const INTERNAL_SCOPES: readonly Scope[] = [SCOPES.auditWrite];

/**
 * What a token's `scope` claim may add to its roles' scopes, per role: an identity
 * provider may give particular department staff the statistics, or the hall
 * window's report scope, without making them analysts or hall clerks.
 */
export const GRANTABLE_SCOPES = {
  public: [],
  subject: [],
  hall: [],
  department: [SCOPES.stats, SCOPES.report],
  analyst: [],
  platform: [],
  credit_office: [],
} satisfies Record<Role, Scope[]>;

/** Roles that act for a department: their tokens must name it (`org`), and it must be in the directory. */
export const ROLES_WITH_ORG: readonly Role[] = ['hall', 'department', 'credit_office'];

/**
 * The role of a subject signed in as itself (an enterprise's or a person's login): its token names the
 * subject (gateway/auth/subject-claims.ts), carries no org and no other role; no staff role grants its scope.
 */
export const SUBJECT_ROLE = 'subject' satisfies Role;

/** Scopes of a request: those of its roles, and of its `scope` claim (space-separated, as OAuth) what its roles make grantable; unknown roles grant nothing. */
export function scopesOf(roles: readonly string[], scopeClaim = ''): string[] {
  const known = roles.filter(isRole);
  const scopes = new Set<string>(known.flatMap((role) => ROLE_SCOPES[role]));
  const grantable = new Set<string>(known.flatMap((role) => GRANTABLE_SCOPES[role]));
  for (const scope of scopeClaim.split(' '))
    if (grantable.has(scope) && !INTERNAL_SCOPES.includes(scope as Scope)) scopes.add(scope);
  return [...scopes].sort();
}
