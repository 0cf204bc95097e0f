import { buildSchema, graphql, GraphQLSchema } from 'graphql';
import { SignJWT } from 'jose';
import { loginPage } from '../../dev-identity/login-page';
import { demoSubjectUsers, demoUser } from '../../dev-identity/users';
import { signDevToken } from '../../gateway/auth/dev-token';
import { createAuthenticator } from '../../gateway/auth/identity';
import { createSubjectLookup } from '../../gateway/auth/subject-lookup';
import { enforceAccessRules } from '../../shared/auth/enforce';
import {
  generateInternalKeyPair,
  internalPrivateKey,
  internalPublicKey,
  signInternalToken,
  verifyInternalToken,
} from '../../shared/auth/internal-token';
import { GRANTABLE_SCOPES, ROLE_SCOPES, ROLES, ROLES_WITH_ORG, SCOPES, scopesOf } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import {
  isSelf,
  isSelfSubjectId,
  isStaffOrSelf,
  satisfiedOnlyAsSelf,
  SelfChecks,
  SUBJECT_CLAIMS,
  SubjectCodes,
} from '../../shared/auth/self';
import { generateDemoData } from '../../shared/demo/generator';
import { demoSubjectAccounts } from '../../shared/demo/subject-accounts';

const ENTERPRISE = '91320508842850156M';
const OTHER = '913205085338275883';
const PERSON = '320503196311100585';

const subject = (codes: SubjectCodes, subjectId: string | null = null): Principal => ({
  sub: 'dev-subject',
  name: '苏州博江物流有限公司',
  org: null,
  roles: ['subject'],
  scopes: scopesOf(['subject']),
  authenticated: true,
  self: { ...codes, subjectId },
});
const staff = (role: 'hall' | 'department' | 'credit_office'): Principal => ({
  sub: role,
  name: role,
  org: 'gusu.scjgj',
  roles: [role],
  scopes: scopesOf([role]),
  authenticated: true,
});

describe('the subject role in the policy', () => {
  it('grants what the public has and subject:self, no staff scope; no other role has or grants subject:self', () => {
    expect(ROLE_SCOPES.subject).toEqual([SCOPES.public, SCOPES.self]);
    for (const role of ROLES.filter((r) => r !== 'subject')) {
      expect([role, (ROLE_SCOPES[role] as readonly string[]).includes(SCOPES.self)]).toEqual([role, false]);
      expect([role, scopesOf([role], 'subject:self').includes(SCOPES.self)]).toEqual([role, false]);
    }
    expect(Object.values(GRANTABLE_SCOPES).flat()).not.toContain(SCOPES.self);
    // A subject token's scope claim adds nothing: no staff scope is grantable to it.
    expect(scopesOf(['subject'], 'credit:read credit:pii records:write')).toEqual(['credit:public', 'subject:self']);
    expect(ROLES_WITH_ORG).not.toContain('subject');
  });
});

describe('isSelf', () => {
  it('is the subject its token names, by USCC or by a person’s ID number, and nobody else', () => {
    const enterprise = subject({ uscc: ENTERPRISE, idNumber: null });
    expect(isSelf(enterprise, { uscc: ENTERPRISE, idNumber: null })).toBe(true);
    expect(isSelf(enterprise, { uscc: OTHER, idNumber: null })).toBe(false);
    expect(isSelf(enterprise, { uscc: null, idNumber: PERSON })).toBe(false);
    const person = subject({ uscc: null, idNumber: PERSON });
    expect(isSelf(person, { uscc: null, idNumber: PERSON })).toBe(true);
    expect(isSelf(person, { uscc: null, idNumber: '320502196704251089' })).toBe(false);
    // Two unknowns are not the same subject.
    expect(isSelf(person, { uscc: null, idNumber: null })).toBe(false);
    expect(isSelf(subject({ uscc: null, idNumber: null }), { uscc: null, idNumber: null })).toBe(false);
  });

  it('needs subject:self: a staff principal with a self claim is never the subject', () => {
    for (const role of ['hall', 'department', 'credit_office'] as const) {
      const claimed = { ...staff(role), self: { uscc: ENTERPRISE, idNumber: null, subjectId: 'S-1' } };
      expect(isSelf(claimed, { uscc: ENTERPRISE, idNumber: null })).toBe(false);
      expect(isSelfSubjectId(claimed, 'S-1')).toBe(false);
    }
    expect(isStaffOrSelf(staff('hall'), SCOPES.read, { uscc: OTHER, idNumber: null })).toBe(true);
    expect(
      isStaffOrSelf(subject({ uscc: ENTERPRISE, idNumber: null }), SCOPES.read, { uscc: OTHER, idNumber: null }),
    ).toBe(false);
  });

  it('knows the subject by the platform id the gateway looked up, for subgraphs that hold only ids', () => {
    const enterprise = subject({ uscc: ENTERPRISE, idNumber: null }, 'S-1');
    expect(isSelfSubjectId(enterprise, 'S-1')).toBe(true);
    expect(isSelfSubjectId(enterprise, 'S-2')).toBe(false);
    expect(isSelfSubjectId(enterprise, null)).toBe(false);
    // Not looked up (no such subject, or the lookup failed): nothing is its own.
    expect(isSelfSubjectId(subject({ uscc: ENTERPRISE, idNumber: null }), null)).toBe(false);
  });

  it('tells a rule a subject satisfies only through subject:self from one it satisfies as anyone', () => {
    const enterprise = subject({ uscc: ENTERPRISE, idNumber: null });
    const selfOrRead = { authenticated: false, scopes: [[SCOPES.read], [SCOPES.self]] };
    expect(satisfiedOnlyAsSelf(enterprise, selfOrRead)).toBe(true);
    expect(satisfiedOnlyAsSelf(enterprise, { authenticated: false, scopes: [[SCOPES.public]] })).toBe(false);
    expect(satisfiedOnlyAsSelf(enterprise, { authenticated: true, scopes: [] })).toBe(false);
    expect(satisfiedOnlyAsSelf(staff('hall'), selfOrRead)).toBe(false);
    // A rule it does not satisfy at all is no read as self either.
    expect(satisfiedOnlyAsSelf(enterprise, { authenticated: false, scopes: [[SCOPES.recordsWrite]] })).toBe(false);
  });
});

describe('subgraph enforcement of fields read as self', () => {
  const sdl = `
    directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
    type Query { mine: Subject @requiresScopes(scopes: [["subject:self"]]) subject(uscc: String!): Subject other: Subject @requiresScopes(scopes: [["subject:self"]]) }
    type Subject { uscc: String address: String @requiresScopes(scopes: [["credit:read"], ["subject:self"]]) }
    type Record { note: String @requiresScopes(scopes: [["credit:read"], ["subject:self"]]) }
  `;
  const rows = (uscc: string) => ({ uscc, address: `地址 ${uscc}` });
  function schemaWith(checks: SelfChecks): GraphQLSchema {
    const schema = buildSchema(sdl);
    const query = schema.getQueryType()!;
    query.getFields().mine.resolve = () => rows(ENTERPRISE);
    query.getFields().other.resolve = () => rows(OTHER);
    query.getFields().subject.resolve = (_s, args: { uscc: string }) => rows(args.uscc);
    enforceAccessRules(schema, checks);
    return schema;
  }
  const checks: SelfChecks = {
    Query: (_source, _ctx, info) => info.fieldName === 'mine',
    Subject: (source, ctx) => isSelf(ctx.principal, { uscc: (source as { uscc: string }).uscc, idNumber: null }),
  };
  const run = (schema: GraphQLSchema, principal: Principal, source: string) =>
    graphql({ schema, source, contextValue: { principal } });

  it('answers the subject its own, refuses it another’s with the field’s path, and lets staff read all', async () => {
    const schema = schemaWith(checks);
    const enterprise = subject({ uscc: ENTERPRISE, idNumber: null });
    const own = await run(schema, enterprise, `{ mine { address } subject(uscc: "${ENTERPRISE}") { address } }`);
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({ mine: { address: `地址 ${ENTERPRISE}` }, subject: { address: `地址 ${ENTERPRISE}` } });

    const other = await run(schema, enterprise, `{ subject(uscc: "${OTHER}") { uscc address } other { uscc } }`);
    expect(other.data).toEqual({ subject: { uscc: OTHER, address: null }, other: null });
    expect(other.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
      [['subject', 'address'], 'UNAUTHORIZED_FIELD_OR_TYPE'],
      [['other'], 'UNAUTHORIZED_FIELD_OR_TYPE'],
    ]);
    const clerk = await run(schema, staff('hall'), `{ subject(uscc: "${OTHER}") { address } }`);
    expect(clerk.errors).toBeUndefined();
  });

  it('refuses a field read as self on a type without a check: widening a rule leaks nothing by itself', async () => {
    const schema = schemaWith({});
    const result = await run(schema, subject({ uscc: ENTERPRISE, idNumber: null }), '{ mine { address } }');
    expect(result.data).toEqual({ mine: null });
    expect(result.errors?.[0].extensions.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});

describe('the subject claims at the gateway', () => {
  const secret = 's'.repeat(40);
  const authenticate = createAuthenticator({ keys: { devSecret: secret } });
  /** A development token with these claims beside sub, roles and exp (raw: some are malformed on purpose). */
  const token = (claims: Record<string, unknown>) =>
    new SignJWT({ roles: ['subject'], ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('dev-subject-enterprise')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
  const refused = async (claims: Record<string, unknown>, claim: string) => {
    const rejection = authenticate(`Bearer ${await token(claims)}`);
    await expect(rejection).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', claim } });
    // The message names the claim, never a person's number.
    await rejection.catch((error: Error) => expect(error.message).not.toContain(PERSON));
  };

  it('makes a subject principal of a token naming one subject: no org, its scopes, its codes normalized', async () => {
    const enterprise = await authenticate(`Bearer ${await token({ [SUBJECT_CLAIMS.uscc]: ENTERPRISE.toLowerCase() })}`);
    expect(enterprise).toMatchObject({ org: null, roles: ['subject'], scopes: ['credit:public', 'subject:self'] });
    expect(enterprise.self).toEqual({ uscc: ENTERPRISE, idNumber: null, subjectId: null });
    const person = await authenticate(`Bearer ${await token({ [SUBJECT_CLAIMS.idNumber]: PERSON })}`);
    expect(person.self).toEqual({ uscc: null, idNumber: PERSON, subjectId: null });
  });

  it('refuses a subject token with another role, an org, no subject, two, or a malformed code; and a staff token naming a subject', async () => {
    await refused({ roles: ['subject', 'hall'], [SUBJECT_CLAIMS.uscc]: ENTERPRISE }, 'roles');
    await refused({ org: 'gusu.scjgj', [SUBJECT_CLAIMS.uscc]: ENTERPRISE }, 'org');
    await refused({}, SUBJECT_CLAIMS.uscc);
    await refused({ [SUBJECT_CLAIMS.uscc]: ENTERPRISE, [SUBJECT_CLAIMS.idNumber]: PERSON }, SUBJECT_CLAIMS.uscc);
    await refused({ [SUBJECT_CLAIMS.uscc]: 'not-a-code' }, SUBJECT_CLAIMS.uscc);
    await refused({ [SUBJECT_CLAIMS.idNumber]: '320503196311100586' }, SUBJECT_CLAIMS.idNumber);
    await refused({ [SUBJECT_CLAIMS.idNumber]: 42 }, SUBJECT_CLAIMS.idNumber);
    await refused({ roles: ['department'], org: 'gusu.scjgj', [SUBJECT_CLAIMS.idNumber]: PERSON }, 'roles');
  });
});

describe('the subject’s platform id, looked up at the gateway', () => {
  it('asks once a minute per subject, as the subject, and keeps no failure', async () => {
    let clock = 0;
    const asked: Principal[] = [];
    let failing = false;
    const lookup = createSubjectLookup(
      async (principal) => {
        asked.push(principal);
        if (failing) throw new Error('subjects down');
        return principal.self?.uscc === ENTERPRISE ? 'S-1' : null;
      },
      () => clock,
    );
    const enterprise = {
      ...subject({ uscc: ENTERPRISE, idNumber: null }),
      self: { uscc: ENTERPRISE, idNumber: null, subjectId: null },
    };
    expect(await lookup.idOf(enterprise)).toBe('S-1');
    expect(await lookup.idOf(enterprise)).toBe('S-1');
    expect(asked).toHaveLength(1);
    expect(asked[0].roles).toEqual(['subject']);
    const unknown = { ...enterprise, self: { uscc: OTHER, idNumber: null, subjectId: null } };
    expect(await lookup.idOf(unknown)).toBeNull();
    clock += 61_000;
    failing = true;
    expect(await lookup.idOf(enterprise)).toBeNull();
    failing = false;
    expect(await lookup.idOf(enterprise)).toBe('S-1');
    expect(asked).toHaveLength(4);
  });

  it('puts the id into the principal of a subject token, and asks nothing for staff', async () => {
    const secret = 's'.repeat(40);
    const asked: string[] = [];
    const authenticate = createAuthenticator({
      keys: { devSecret: secret },
      subjects: createSubjectLookup(async (principal) => {
        asked.push(principal.sub);
        return 'S-1';
      }),
    });
    const enterprise = await signDevToken(secret, { sub: 'e', roles: ['subject'], subjectUscc: ENTERPRISE, ttl: '5m' });
    expect((await authenticate(`Bearer ${enterprise}`)).self?.subjectId).toBe('S-1');
    const clerk = await signDevToken(secret, { sub: 'c', roles: ['hall'], org: 'gusu.xzspj', ttl: '5m' });
    expect((await authenticate(`Bearer ${clerk}`)).self).toBeUndefined();
    expect(asked).toEqual(['e']);
  });
});

describe('the subject in the subgraphs’ token', () => {
  it('travels signed, and a token that names two subjects or none names none', async () => {
    const pair = generateInternalKeyPair();
    const key = internalPrivateKey(pair.privateKey);
    const publicKey = internalPublicKey(pair.publicKey);
    const principal = subject({ uscc: null, idNumber: PERSON }, 'b7d1f0c2-0000-4000-8000-000000000001');
    const verified = await verifyInternalToken(
      await signInternalToken(principal, 'subjects', key),
      'subjects',
      publicKey,
    );
    expect(verified).toEqual(principal);
    const clerk = await verifyInternalToken(
      await signInternalToken(staff('hall'), 'subjects', key),
      'subjects',
      publicKey,
    );
    expect(clerk.self).toBeUndefined();
    const both = { ...principal, self: { uscc: ENTERPRISE, idNumber: PERSON, subjectId: null } };
    expect(
      (await verifyInternalToken(await signInternalToken(both, 'subjects', key), 'subjects', publicKey)).self,
    ).toBeUndefined();
  });
});

describe('the demo subject logins', () => {
  it('name an enterprise of the demo data with a penalty and a licence, and a natural person, never by ID number in sub', () => {
    const data = generateDemoData({ seed: 20200101, subjects: 300, today: '2026-12-03' });
    const [enterprise, person] = demoSubjectAccounts(data);
    const company = data.subjects.find((s) => s.uscc === enterprise.self.uscc);
    expect(company?.kind).toBe('ENTERPRISE');
    expect(data.penalties.some((p) => p.subjectId === company?.id)).toBe(true);
    expect(data.licenses.some((l) => l.subjectId === company?.id)).toBe(true);
    expect(data.subjects.find((s) => s.idNumber === person.self.idNumber)?.kind).toBe('NATURAL_PERSON');
    expect([enterprise.sub, person.sub]).toEqual(['dev-subject-enterprise', 'dev-subject-person']);
  });
});

describe('the development identity provider’s subject logins', () => {
  it('are offered on the login page without a person’s ID number, and found by their sub', () => {
    const [enterprise, person] = demoSubjectUsers();
    const html = loginPage('uid-1', '政务服务大厅');
    expect(html).toContain(enterprise.name);
    expect(html).toContain(enterprise.self.uscc);
    expect(html).toContain(person.name);
    expect(html).not.toContain(person.self.idNumber);
    expect(demoUser(enterprise.sub)).toMatchObject({ kind: 'subject', self: enterprise.self });
    expect(demoUser('dev-hall-clerk')).toMatchObject({ kind: 'staff', roles: ['hall'] });
    expect(demoUser('nobody')).toBeUndefined();
  });
});
