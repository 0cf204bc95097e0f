import type { GraphQLResolveInfo } from 'graphql';
import type { AccessRule } from './access-rule';
import { satisfies } from './access-rule';
import { SCOPES } from './policy';
import { hasScope, Principal } from './principal';

/**
 * The subject signed in as itself (信用主体本人, issue 18): which subject its token names. Exactly one
 * of the two is set: an enterprise's (or any organisation's) 统一社会信用代码, or a natural person's
 * 证件号码 (居民身份证号 in the main). The number is personal information: it travels in the signed
 * principal only and is never logged.
 */
export interface SelfIdentity {
  uscc: string | null;
  idNumber: string | null;
  /**
   * The platform's id of that subject (the subjects subgraph's Subject.id), looked up by the gateway
   * (gateway/auth/subject-lookup.ts) so the subgraphs that know a subject by its id only (sanctions,
   * repairs) can tell its own records; null when the platform holds no such subject or the lookup failed.
   */
  subjectId: string | null;
}

/**
 * The identity provider's claims naming the subject (docs/SECURITY.md, "The subject role"). OIDC Core
 * defines no claim for a national identifier, so these are private claim names (RFC 7519 §4.3) the
 * provider's connector to the provincial 政务服务 unified identity fills from its 法人 / 自然人 user.
 */
export const SUBJECT_CLAIMS = {
  /** 法人及非法人组织用户: the organisation's 统一社会信用代码. */
  uscc: 'subject_uscc',
  /** 自然人用户: the person's 证件号码 (居民身份证号), as the subject row stores it (upper case, no spaces). */
  idNumber: 'subject_id_number',
} as const;

/** What a subject record is known by: the subjects subgraph's Subject row, or a record carrying the same codes. */
export interface SubjectCodes {
  uscc: string | null;
  idNumber: string | null;
}

/**
 * The principal is this subject itself: it holds subject:self (the subject role's alone) and its token
 * names this subject's USCC or ID number. A staff principal never is, whatever it reads.
 */
export function isSelf(principal: Principal, subject: SubjectCodes): boolean {
  const self = principal.self;
  if (!self || !hasScope(principal, SCOPES.self)) return false;
  if (self.uscc !== null) return subject.uscc !== null && self.uscc === subject.uscc;
  return self.idNumber !== null && subject.idNumber !== null && self.idNumber === subject.idNumber;
}

/**
 * A signed-in member of staff or a system (any authenticated principal but a subject): what the gateway
 * keeps for them alone — introspection in production, the larger request body. A subject is an outside
 * party like the public, who reads more only about itself.
 */
export function isStaffPrincipal(principal: Principal): boolean {
  return principal.authenticated && !hasScope(principal, SCOPES.self);
}

/** The principal is the subject whose platform id this is (for subgraphs that hold a subject's id, not its codes). */
export function isSelfSubjectId(principal: Principal, subjectId: string | null): boolean {
  const own = principal.self?.subjectId ?? null;
  return own !== null && subjectId !== null && own === subjectId && hasScope(principal, SCOPES.self);
}

/** Staff holding `scope`, or the subject itself: who reads a field protected by `scope` on this subject. */
export function isStaffOrSelf(principal: Principal, scope: string, subject: SubjectCodes): boolean {
  return hasScope(principal, scope) || isSelf(principal, subject);
}

/**
 * The principal satisfies the rule only through subject:self (`@requiresScopes([[credit:read], [subject:self]])`
 * read by a subject): the field may be read only where the value is the subject's own, which the
 * owning subgraph decides (SelfChecks). Staff who satisfy it with their own scopes need no such check.
 */
export function satisfiedOnlyAsSelf(principal: Principal, rule: AccessRule): boolean {
  if (!hasScope(principal, SCOPES.self) || !satisfies(principal, rule)) return false;
  const withoutSelf: Principal = { ...principal, scopes: principal.scopes.filter((s) => s !== SCOPES.self) };
  return !satisfies(withoutSelf, rule);
}

/**
 * Per object type of a subgraph: whether the object is the signed-in subject's own (a Subject row, a
 * penalty of that subject), for a field a subject reads only through subject:self. A type without a
 * check is never the subject's own there, so such a field is refused (UNAUTHORIZED_FIELD_OR_TYPE):
 * widening a rule with subject:self without saying whose the object is leaks nothing.
 */
export type SelfCheck = (
  source: unknown,
  context: { principal: Principal },
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type SelfChecks = Readonly<Record<string, SelfCheck>>;

/** The self check of a subgraph's Subject stub (`SubjectRef { id }`): the subject whose id the gateway looked up. */
export const subjectRefOfSelf: SelfCheck = (source, context) =>
  isSelfSubjectId(context.principal, (source as { id: string }).id);

/** The self check of a record that names its subject by id (`subjectId`: a list entry, a repair case). */
export const recordOfSelf: SelfCheck = (source, context) =>
  isSelfSubjectId(context.principal, (source as { subjectId: string }).subjectId);
