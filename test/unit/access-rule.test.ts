import { ObjectTypeDefinitionNode, parse } from 'graphql';
import { combine, satisfies } from '../../shared/auth/access-rule';
import { accessRuleOf } from '../../shared/auth/directives';
import { ROLE_SCOPES, scopesOf } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

const caller = (scopes: string[]): Principal => ({
  sub: 's',
  name: 'n',
  org: null,
  roles: [],
  scopes,
  authenticated: true,
});

function fieldDirectives(sdl: string) {
  const type = parse(sdl).definitions[0] as ObjectTypeDefinitionNode;
  return type.fields?.[0].directives;
}

describe('access rules', () => {
  it('reads @requiresScopes alternatives and @authenticated from a definition', () => {
    expect(accessRuleOf(fieldDirectives('type T { f: Int @requiresScopes(scopes: [["a", "b"], ["c"]]) }'))).toEqual({
      authenticated: false,
      scopes: [['a', 'b'], ['c']],
    });
    expect(accessRuleOf(fieldDirectives('type T { f: Int @authenticated }'))).toEqual({
      authenticated: true,
      scopes: [],
    });
    expect(accessRuleOf(fieldDirectives('type T { f: Int @deprecated }'))).toBeUndefined();
  });

  it('satisfies (a AND b) OR c', () => {
    const rule = { authenticated: false, scopes: [['a', 'b'], ['c']] };
    expect(satisfies(caller(['a', 'b']), rule)).toBe(true);
    expect(satisfies(caller(['c']), rule)).toBe(true);
    expect(satisfies(caller(['a']), rule)).toBe(false);
    expect(satisfies(PUBLIC_PRINCIPAL, { authenticated: true, scopes: [] })).toBe(false);
  });

  it('combines a field rule with its type rule so both must hold', () => {
    const both = combine({ authenticated: false, scopes: [['a'], ['b']] }, { authenticated: true, scopes: [['c']] })!;
    expect(both).toEqual({
      authenticated: true,
      scopes: [
        ['a', 'c'],
        ['b', 'c'],
      ],
    });
    expect(satisfies(caller(['a']), both)).toBe(false);
    expect(satisfies(caller(['b', 'c']), both)).toBe(true);
    expect(combine(undefined, both)).toBe(both);
  });

  it('grants a request its roles’ scopes and, of its scope claim, only what its roles make grantable; never an internal scope', () => {
    expect(scopesOf(['analyst', 'wizard'], 'extra:scope credit:pii')).toEqual(['credit:public', 'credit:stats']);
    expect(scopesOf(['department'], 'credit:stats audit:write credit:pii lists:decide')).toEqual(
      [...ROLE_SCOPES.department, 'credit:stats'].sort(),
    );
    expect(scopesOf(['hall'], 'audit:write')).not.toContain('audit:write');
    expect(scopesOf(['credit_office'])).toContain('audit:read');
    expect(scopesOf(['credit_office'])).not.toContain('audit:write');
  });
});
