import { actingOrg, isCreditOffice, isOwner, isOwnerOrCreditOffice, requireOwner } from '../../shared/auth/ownership';
import { GRANTABLE_SCOPES, ROLE_SCOPES, ROLES, SCOPES, scopesOf } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

const as = (role: keyof typeof ROLE_SCOPES, org: string | null, scopeClaim = ''): Principal => ({
  sub: role,
  name: role,
  org,
  roles: [role],
  scopes: scopesOf([role], scopeClaim),
  authenticated: true,
});

describe('the ownership module (one for every subgraph)', () => {
  it('knows the credit office by the credit:coordinate scope, which only its role grants', () => {
    expect(isCreditOffice(as('credit_office', 'gusu.xyb'))).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'credit_office'))
      expect(isCreditOffice(as(role, 'gusu.scjgj'))).toBe(false);
    expect(isCreditOffice(PUBLIC_PRINCIPAL)).toBe(false);
    // No identity provider can hand it out through the scope claim.
    expect(Object.values(GRANTABLE_SCOPES).flat()).not.toContain(SCOPES.coordinate);
    expect(isCreditOffice(as('department', 'gusu.scjgj', 'credit:coordinate credit:stats'))).toBe(false);
    // A role name alone is not enough: the scope decides.
    expect(isCreditOffice({ ...as('department', 'gusu.scjgj'), roles: ['credit_office'] })).toBe(false);
  });

  it('calendar:manage and credit:coordinate come with the credit office role alone: no role gets them from a scope claim', () => {
    const claim = 'credit:coordinate calendar:manage audit:write directory:manage';
    for (const role of ROLES.filter((r) => r !== 'credit_office')) {
      expect(scopesOf([role], claim)).not.toEqual(expect.arrayContaining([SCOPES.calendarManage]));
      expect(scopesOf([role], claim)).not.toContain(SCOPES.coordinate);
    }
    expect(scopesOf(['credit_office'])).toEqual(expect.arrayContaining([SCOPES.calendarManage, SCOPES.coordinate]));
    // An unknown role beside a known one adds nothing.
    expect(scopesOf(['department', 'root'], claim)).toEqual(scopesOf(['department']));
  });

  it('actingOrg: the department a token names; FORBIDDEN without one', () => {
    expect(actingOrg(as('department', 'gusu.scjgj'), 'a list entry')).toBe('gusu.scjgj');
    expect(() => actingOrg(PUBLIC_PRINCIPAL, 'a commitment')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        message: expect.stringContaining('a commitment is recorded by a department'),
      }),
    );
  });

  it('owner checks: the owning department or the credit office; another department is FORBIDDEN', () => {
    const owner = as('department', 'gusu.scjgj');
    const other = as('department', 'gusu.swj');
    const office = as('credit_office', 'gusu.xyb');
    expect([
      isOwner(owner, 'gusu.scjgj'),
      isOwner(other, 'gusu.scjgj'),
      isOwner(office, 'gusu.scjgj'),
      isOwner(owner, null),
    ]).toEqual([true, false, false, false]);
    expect([
      isOwnerOrCreditOffice(owner, 'gusu.scjgj'),
      isOwnerOrCreditOffice(other, 'gusu.scjgj'),
      isOwnerOrCreditOffice(office, 'gusu.scjgj'),
    ]).toEqual([true, false, true]);
    expect(() => requireOwner(owner, 'gusu.scjgj', 'this entry')).not.toThrow();
    expect(() => requireOwner(office, 'gusu.scjgj', 'this entry')).not.toThrow();
    expect(() => requireOwner(other, 'gusu.scjgj', 'this entry', 'act on')).toThrow(
      expect.objectContaining({
        message: 'only gusu.scjgj or the credit office may act on this entry',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    );
  });
});
