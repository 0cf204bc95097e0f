import { randomUUID } from 'node:crypto';
import { SUBJECT_CLAIMS } from '../../shared/auth/self';
import { CookieBrowser, Hop } from '../support/cookie-browser';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { demoSubjectLogins, tokenFor } from '../support/tokens';

/**
 * A subject signs in as itself (issue 18 item 2: 信用主体本人) through the real development identity
 * provider, as sign-in.test.ts does for the clerk: the demo enterprise's login carries the subject role
 * and its 统一社会信用代码 (subject_uscc), no org. Through the hall's session it reads its own profile
 * (mySubject) with every penalty of its own, more than the public is shown, and its own protected fields;
 * another subject's protected fields are refused, with what the public sees of it intact. Each read of
 * its own is audited under the subject, with the subject's login as the principal.
 */
let own: OwnSystem;
let base: string;
const [ENTERPRISE, PERSON] = demoSubjectLogins();

interface Answer<T> {
  data?: T;
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

beforeAll(async () => {
  own = await startOwnSystem('subject-sign-in', { devIdentity: true });
  base = own.system.gatewayUrl;
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

async function signIn(browser: CookieBrowser, user: string): Promise<Hop[]> {
  const loginHops = await browser.navigate(`${base}/auth/login?return=/hall`);
  const last = loginHops[loginHops.length - 1];
  const login = { url: last.url, status: last.status, html: await last.response.text() };
  expect(login.status).toBe(200);
  // The login page offers the subject logins beside the staff; a person's ID number is not shown on it.
  expect(login.html).toContain(ENTERPRISE.name);
  expect(login.html).toContain('信用主体本人');
  expect(login.html).not.toContain(PERSON.self.idNumber ?? '-');
  return browser.submitForm(login, '/login', { user });
}

async function asPage<T>(browser: CookieBrowser, query: string, requestId = randomUUID()): Promise<Answer<T>> {
  const response = await browser.request(`${base}/hall/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hall-request': '1', 'x-request-id': requestId },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer<T>;
}

async function asPublic<T>(query: string): Promise<Answer<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer<T>;
}

async function asOffice<T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('credit_office')}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

interface Profile {
  id: string;
  uscc: string;
  name: string;
  registeredAddress: string | null;
  legalRepresentative: { name: string; idNumber: string | null } | null;
  penalties: { totalCount: number; nodes: { decisionNo: string; repairedAt: string | null }[] };
}

const PROFILE = `id uscc name registeredAddress legalRepresentative { name idNumber }
  penalties(first: 50) { totalCount nodes { decisionNo repairedAt } }`;

describe('a subject signed in through the identity provider', () => {
  it('reads its own profile with its own penalties, and is refused another subject’s protected fields', async () => {
    const browser = new CookieBrowser();
    const hops = await signIn(browser, ENTERPRISE.sub);
    expect(hops.some((hop) => hop.url.startsWith(`${base}/auth/callback`) && hop.status === 303)).toBe(true);
    const session = (await (await browser.request(`${base}/auth/session`)).json()) as {
      user: { sub: string; org: string | null; roles: string[] };
    };
    expect(session.user).toMatchObject({ sub: ENTERPRISE.sub, org: null, roles: ['subject'] });
    // The provider's access token names the subject (subject_uscc) and no department.
    const { accessToken } = (await (await browser.request(`${base}/auth/token`)).json()) as { accessToken: string };
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ roles: ['subject'], [SUBJECT_CLAIMS.uscc]: ENTERPRISE.self.uscc });
    expect(claims.org).toBeUndefined();

    // Its own profile: the protected fields, the representative's number whole, and every penalty of its own.
    const requestId = randomUUID();
    const mine = await asPage<{ mySubject: Profile }>(browser, `{ mySubject { ${PROFILE} } }`, requestId);
    expect(mine.errors).toBeUndefined();
    const profile = mine.data?.mySubject;
    if (!profile) throw new Error('mySubject answered nothing');
    expect(profile.uscc).toBe(ENTERPRISE.self.uscc);
    expect(profile.registeredAddress).not.toBeNull();
    expect(profile.legalRepresentative?.idNumber ?? '').not.toMatch(/\*/);
    expect(profile.penalties.totalCount).toBeGreaterThan(0);
    // The public sees at most the penalties in their publicity period; the credit office, every one — as the subject does.
    const shown = await asPublic<{ subject: { penalties: { totalCount: number } } }>(
      `{ subject(uscc: "${ENTERPRISE.self.uscc}") { penalties(first: 1) { totalCount } } }`,
    );
    const office = await asOffice<{ subject: { penalties: { totalCount: number } } }>(
      `{ subject(uscc: "${ENTERPRISE.self.uscc}") { penalties(first: 1) { totalCount } } }`,
    );
    expect(profile.penalties.totalCount).toBe(office.data?.subject.penalties.totalCount);
    expect(profile.penalties.totalCount).toBeGreaterThanOrEqual(shown.data?.subject.penalties.totalCount ?? 0);
    process.stdout.write(
      `subject ${ENTERPRISE.self.uscc}: ${profile.penalties.totalCount} penalties of its own, ${shown.data?.subject.penalties.totalCount} shown to the public\n`,
    );
    // The same subject reached by its code reads the same.
    const byCode = await asPage<{ subject: { registeredAddress: string | null } }>(
      browser,
      `{ subject(uscc: "${ENTERPRISE.self.uscc}") { registeredAddress } }`,
    );
    expect(byCode.errors).toBeUndefined();
    expect(byCode.data?.subject.registeredAddress).toBe(profile.registeredAddress);

    // Its reads are audited under itself, with its login as the principal.
    const audit = await asOffice<{
      auditEvents: { nodes: { principalSub: string; roles: string[]; subjectId: string | null }[] };
    }>(
      'query($r: String!) { auditEvents(first: 20, filter: { requestId: $r }) { nodes { principalSub roles subjectId } } }',
      { r: requestId },
    );
    expect(audit.data?.auditEvents.nodes).toEqual(
      expect.arrayContaining([{ principalSub: ENTERPRISE.sub, roles: ['subject'], subjectId: profile.id }]),
    );

    // Another subject: what the public sees answers, its protected fields are refused at their paths.
    const other = await asPublic<{ publishedList: { nodes: { subject: { uscc: string } }[] } }>(
      '{ publishedList(list: BLACK, first: 5) { nodes { subject { uscc } } } }',
    );
    const otherUscc = other.data?.publishedList.nodes
      .map((n) => n.subject.uscc)
      .find((u) => u && u !== ENTERPRISE.self.uscc);
    if (!otherUscc) throw new Error('no other published subject');
    const refused = await asPage<{
      subject: { uscc: string; registeredAddress: string | null; legalRepresentative: unknown };
    }>(
      browser,
      `{ subject(uscc: "${otherUscc}") { uscc registeredAddress legalRepresentative { name } penalties(first: 5) { nodes { decisionNo repairedAt } } } }`,
    );
    expect(refused.data?.subject).toMatchObject({
      uscc: otherUscc,
      registeredAddress: null,
      legalRepresentative: null,
    });
    const paths = (refused.errors ?? []).map((e) => [
      e.extensions?.code,
      (e.path ?? []).filter((k) => typeof k === 'string').join('.'),
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.registeredAddress'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.legalRepresentative'],
      ]),
    );
    expect((refused.errors ?? []).every((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')).toBe(true);
  });

  it('refuses the subject role’s own field to staff and the public, and a subject token without its subject', async () => {
    const callers: Record<string, string>[] = [{}, { authorization: `Bearer ${await tokenFor('credit_office')}` }];
    for (const headers of callers) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ mySubject { uscc } departments { code } }' }),
      });
      const body = (await response.json()) as Answer<{ mySubject: null; departments: unknown[] }>;
      expect(body.data?.mySubject).toBeNull();
      expect(body.data?.departments.length).toBeGreaterThan(0);
      expect(body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
        ['UNAUTHORIZED_FIELD_OR_TYPE', ['mySubject']],
      ]);
    }
    // A natural person reads its own name and ID number whole.
    const person = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor('subject', { subjectIdNumber: PERSON.self.idNumber ?? '' })}`,
      },
      body: JSON.stringify({ query: '{ mySubject { kind name idNumber } }' }),
    });
    const personal = (await person.json()) as Answer<{ mySubject: { kind: string; name: string; idNumber: string } }>;
    expect(personal.errors).toBeUndefined();
    expect(personal.data?.mySubject).toEqual({
      kind: 'NATURAL_PERSON',
      name: PERSON.name,
      idNumber: PERSON.self.idNumber,
    });
    // The gateway refuses a subject token that names no subject, or one that also names a department.
    for (const claims of [{ subjectUscc: '' }, { org: 'gusu.scjgj' }]) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('subject', claims)}` },
        body: JSON.stringify({ query: '{ departments { code } }' }),
      });
      expect(response.status).toBe(401);
    }
  });
});
