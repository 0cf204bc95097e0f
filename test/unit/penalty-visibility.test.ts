import { ROLE_SCOPES } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { penaltyCondition, penaltyVisibility } from '../../subgraphs/subjects/rules/penalty-visibility';

const principal = (roles: string[], scopes: string[], org: string | null): Principal => ({
  sub: 's',
  name: 'n',
  org,
  roles,
  scopes,
  authenticated: true,
});

/** The subject whose penalties are read. */
const SOMEONE = { uscc: '91320508MA1NBJ8W5L', idNumber: null };

describe('penalty visibility', () => {
  it('gives the public current, published penalties only, neither repaired nor revoked', () => {
    expect(penaltyVisibility(PUBLIC_PRINCIPAL, SOMEONE)).toEqual({ kind: 'public' });
    expect(penaltyCondition({ kind: 'public' }, '2026-11-29')).toEqual({
      sql: '(t.published and t.repaired_at is null and t.revoked_at is null and t.decided_at <= ? and t.publicity_ends_at >= ?)',
      params: ['2026-11-29', '2026-11-29'],
    });
  });

  it('stops sharing repaired and revoked penalties except with the department that reported them', () => {
    const department = principal(['department'], ['credit:read'], 'gusu.scjgj');
    expect(penaltyVisibility(department, SOMEONE)).toEqual({ kind: 'shared', org: 'gusu.scjgj' });
    expect(penaltyCondition(penaltyVisibility(department, SOMEONE), '2026-11-29')).toEqual({
      sql: '((t.repaired_at is null and t.revoked_at is null) or t.data_source_code = ?)',
      params: ['gusu.scjgj'],
    });
  });

  it('shows the credit office everything, and analysts what the public sees', () => {
    expect(
      penaltyVisibility(principal(['credit_office'], [...ROLE_SCOPES.credit_office], 'gusu.xyb'), SOMEONE),
    ).toEqual({
      kind: 'all',
    });
    // The credit office is known by its scope (shared/auth/ownership.ts), not by a role name a token could carry alone.
    expect(penaltyVisibility(principal(['credit_office'], ['credit:read', 'credit:pii'], 'gusu.xyb'), SOMEONE)).toEqual(
      {
        kind: 'shared',
        org: 'gusu.xyb',
      },
    );
    expect(penaltyVisibility(principal(['analyst'], ['credit:public', 'credit:stats'], null), SOMEONE)).toEqual({
      kind: 'public',
    });
  });

  it('shows the subject itself every penalty of its own, and of another subject what the public sees', () => {
    const subject = {
      ...principal(['subject'], [...ROLE_SCOPES.subject], null),
      self: { ...SOMEONE, subjectId: null },
    };
    expect(penaltyVisibility(subject, SOMEONE)).toEqual({ kind: 'all' });
    expect(penaltyVisibility(subject, { uscc: '91320508MA1NBJ8X3E', idNumber: null })).toEqual({ kind: 'public' });
    // A token naming the subject but without subject:self (no staff role has it) is not the subject.
    expect(penaltyVisibility({ ...subject, scopes: ['credit:public'] }, SOMEONE)).toEqual({ kind: 'public' });
  });
});
