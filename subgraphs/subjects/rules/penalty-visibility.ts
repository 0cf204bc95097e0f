import { isCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope, Principal } from '../../../shared/auth/principal';
import { isSelf, SubjectCodes } from '../../../shared/auth/self';

/**
 * Who sees which penalty (DESIGN.md, "Penalty publicity and repair"):
 * - the public: only published penalties (a minor one under Order 36 is not, unless marked necessary)
 *   within their publicity period (decision date to publicityEndsAt),
 *   neither repaired (终止公示) nor revoked (撤销);
 * - credit:read: every penalty except repaired or revoked ones, which are no longer shared
 *   (停止共享) — unless its own department reported it;
 * - the credit office: everything;
 * - the subject itself (信用主体本人, the subject role): every penalty of its own, repaired, revoked or
 *   never published included — it is told of each record about it — and of any other subject what the public sees.
 */
export type PenaltyVisibility = { kind: 'public' } | { kind: 'shared'; org: string | null } | { kind: 'all' };

export function penaltyVisibility(principal: Principal, subject: SubjectCodes): PenaltyVisibility {
  if (isCreditOffice(principal) || isSelf(principal, subject)) return { kind: 'all' };
  if (hasScope(principal, SCOPES.read)) return { kind: 'shared', org: principal.org };
  return { kind: 'public' };
}

/** The same rule as an SQL condition on administrative_penalty (alias t), for the paged loader. */
export function penaltyCondition(visibility: PenaltyVisibility, today: string): { sql: string; params: unknown[] } {
  switch (visibility.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'shared':
      return {
        sql: '((t.repaired_at is null and t.revoked_at is null) or t.data_source_code = ?)',
        params: [visibility.org ?? ''],
      };
    case 'public':
      return {
        sql: '(t.published and t.repaired_at is null and t.revoked_at is null and t.decided_at <= ? and t.publicity_ends_at >= ?)',
        params: [today, today],
      };
  }
}
