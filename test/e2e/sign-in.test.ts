import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionKeyOf } from '../../hall/auth/config';
import { sealSession } from '../../hall/auth/session';
import { CookieBrowser, Hop } from '../support/cookie-browser';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { DIST } from '../support/paths';
import { tokenFor } from '../support/tokens';

/**
 * Sign-in as a deployment does it, over HTTP with a cookie jar: the hall (through the gateway's public
 * port) sends the browser to the development identity provider (oidc-provider), the clerk picks a demo
 * user, the code comes back to /auth/callback with PKCE, and the session cookie carries the provider's
 * access token — which the gateway verifies against the provider's JWKS, beside the development tokens.
 */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
const SESSION_COOKIE = 'gusu_hall_session';
const CLERK = { sub: 'dev-hall-clerk', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'] };
/** The hall's session key is the test's: it can seal a session that expired, or went idle, without waiting. */
const SESSION_SECRET = randomUUID() + randomUUID();

let own: OwnSystem;
let base: string;

beforeAll(async () => {
  own = await startOwnSystem('sign-in', { devIdentity: true, env: { HALL_SESSION_SECRET: SESSION_SECRET } });
  base = own.system.gatewayUrl;
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

async function page(hops: Hop[]): Promise<{ url: string; html: string; status: number }> {
  const last = hops[hops.length - 1];
  return { url: last.url, status: last.status, html: await last.response.text() };
}

/** /auth/login → the provider's login page → the chosen demo user → /auth/callback; the hops after the form. */
async function signIn(browser: CookieBrowser, user = CLERK.sub, returnTo = '/hall'): Promise<Hop[]> {
  const login = await page(await browser.navigate(`${base}/auth/login?return=${encodeURIComponent(returnTo)}`));
  expect(login.status).toBe(200);
  expect(login.html).toContain('开发环境登录');
  return browser.submitForm(login, '/login', { user });
}

async function session(
  browser: CookieBrowser,
): Promise<{ signedIn: boolean; user?: typeof CLERK; expiresAt?: string }> {
  const response = await browser.request(`${base}/auth/session`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as { signedIn: boolean; user?: typeof CLERK };
}

async function pageGraphql(
  browser: CookieBrowser,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return browser.request(`${base}/hall/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hall-request': '1', ...headers },
    body: JSON.stringify(body),
  });
}

async function blackListed(): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }' }),
  });
  const body = (await response.json()) as { data: { publishedList: { nodes: { subject: { uscc: string } }[] } } };
  return body.data.publishedList.nodes[0].subject.uscc;
}

describe('sign-in with the identity provider', () => {
  it('signs a hall clerk in with code + PKCE, into an httpOnly session cookie the page calls the gateway with, audited as the clerk', async () => {
    const browser = new CookieBrowser();
    // The authorization request: code, PKCE S256, state, nonce and the gateway as the resource.
    const toProvider = (await browser.navigate(`${base}/auth/login?return=/hall`))[0];
    expect(toProvider.status).toBe(303);
    const authorize = new URL(toProvider.location as string);
    expect(authorize.origin).toBe(own.system.devIdentityUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      client_id: 'gusu-hall',
      redirect_uri: `${base}/auth/callback`,
      resource: 'urn:gusu:credit-gateway',
    });
    for (const parameter of ['code_challenge', 'state', 'nonce'])
      expect(authorize.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/);
    const loginCookie = browser.cookie('gusu_hall_login');
    expect(loginCookie?.raw).toMatch(/HttpOnly/i);
    expect(loginCookie?.path).toBe('/auth');

    const hops = await signIn(browser);
    const callback = hops.find((hop) => hop.url.startsWith(`${base}/auth/callback`));
    expect(callback?.status).toBe(303);
    expect(callback?.location).toBe('/hall');
    expect(browser.cookie('gusu_hall_login')).toBeUndefined();

    const cookie = browser.cookie(SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie?.raw).toMatch(/;\s*HttpOnly/i);
    expect(cookie?.raw).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie?.raw).toMatch(/;\s*Path=\/(;|$)/);
    // http here: no Secure (a browser would drop it); expiring with the access token (1 h).
    expect(cookie?.raw).not.toMatch(/Secure/i);
    expect((cookie?.expiresAt ?? 0) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect((cookie?.expiresAt ?? 0) - Date.now()).toBeLessThanOrEqual(3600_000);
    // Well under the 4 KB browsers keep per cookie.
    expect(cookie?.value.length).toBeLessThan(3000);
    process.stdout.write(`session cookie: ${cookie?.value.length} characters\n`);

    expect(await session(browser)).toMatchObject({ signedIn: true, user: CLERK });
    // Development: the session's access token for GraphiQL. The cookie shows none of it.
    const { accessToken } = (await (await browser.request(`${base}/auth/token`)).json()) as { accessToken: string };
    expect(accessToken.split('.')).toHaveLength(3);
    expect(cookie?.value).not.toContain(accessToken);
    const visible = (cookie?.value ?? '')
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join(' ');
    expect(visible).not.toMatch(/dev-hall-clerk|gusu\.xzspj|eyJ/);
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ ...CLERK, iss: own.system.devIdentityUrl, aud: 'urn:gusu:credit-gateway' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);

    // The page's GraphQL call: the gateway answers the credit:read fields the public is refused, and audits the clerk.
    const uscc = await blackListed();
    const requestId = randomUUID();
    const purpose = encodeURIComponent('办理食品经营许可 SIGNIN-0001');
    const answer = await pageGraphql(
      browser,
      { query: HALL_PROFILE, variables: { uscc, scenario: 'ADMINISTRATIVE_LICENSING' } },
      { 'x-request-id': requestId, 'x-purpose': purpose },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const signedIn = (await answer.json()) as {
      data: { subject: { legalRepresentative: { idNumber: string | null } | null } };
      errors?: unknown[];
    };
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.subject.legalRepresentative?.idNumber).toMatch(/\*{4,}/);

    const anonymous = await pageGraphql(new CookieBrowser(), {
      query: HALL_PROFILE,
      variables: { uscc, scenario: 'ADMINISTRATIVE_LICENSING' },
    });
    const publicBody = (await anonymous.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(publicBody.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');

    const audit = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('credit_office')}` },
      body: JSON.stringify({
        query:
          'query($r: String!) { auditEvents(first: 20, filter: { requestId: $r }) { nodes { principalSub principalName org roles fieldsClass purpose } } }',
        variables: { r: requestId },
      }),
    });
    const events = ((await audit.json()) as { data: { auditEvents: { nodes: Record<string, unknown>[] } } }).data
      .auditEvents.nodes;
    expect(events).toEqual(
      expect.arrayContaining([
        {
          principalSub: CLERK.sub,
          principalName: CLERK.name,
          org: CLERK.org,
          roles: CLERK.roles,
          fieldsClass: 'PROFILE',
          purpose: '办理食品经营许可 SIGNIN-0001',
        },
        expect.objectContaining({ principalSub: CLERK.sub, fieldsClass: 'SCREENING' }),
      ]),
    );

    // The provider's token and a development HS256 token, side by side on /graphql.
    for (const token of [accessToken, await tokenFor('hall')]) {
      const direct = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ subject(uscc: "${uscc}") { legalRepresentative { idNumber } } }` }),
      });
      const body = (await direct.json()) as {
        data: { subject: { legalRepresentative: { idNumber: string } } };
        errors?: unknown[];
      };
      expect(direct.status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.subject.legalRepresentative.idNumber).toMatch(/\*{4,}/);
    }

    // Sign-out: the hall's cookie goes, then the provider's session (RP-initiated logout), back to /hall.
    const out = await browser.navigate(`${base}/auth/logout`, { method: 'POST' });
    expect(out[0].status).toBe(303);
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(new URL(out[0].location as string).pathname).toBe('/session/end');
    const confirm = await page(out);
    expect(confirm.html).toContain('退出');
    const back = await browser.submitForm(confirm, '/session/end/confirm', { logout: 'yes' });
    expect(back.some((hop) => hop.url === `${base}/hall`)).toBe(true);
    expect(await session(browser)).toMatchObject({ signedIn: false });
    // The provider's session is over too: signing in again asks who.
    const again = await page(await browser.navigate(`${base}/auth/login`));
    expect(again.html).toContain('选择演示用户');
  });

  it('treats a forged, altered or foreign session cookie as not signed in, and clears it', async () => {
    const browser = new CookieBrowser();
    await signIn(browser);
    const cookie = browser.cookie(SESSION_COOKIE);
    if (!cookie) throw new Error('no session');
    const parts = cookie.value.split('.');
    // One character of the ciphertext changed: the A256GCM tag fails.
    parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
    for (const value of [parts.join('.'), 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC', 'not-a-session']) {
      const forged = new CookieBrowser();
      const response = await fetch(`${base}/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
      expect(await response.json()).toMatchObject({ signedIn: false });
      expect(response.headers.getSetCookie().join('\n')).toMatch(
        new RegExp(`${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`),
      );
      const proxied = await forged.request(`${base}/hall/api/graphql`, {
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${value}`, 'content-type': 'application/json', 'x-hall-request': '1' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(proxied.status).toBe(200);
    }
  });

  it('ends a session with its token, and after 30 minutes without a request', async () => {
    const browser = new CookieBrowser();
    await signIn(browser);
    const { accessToken } = (await (await browser.request(`${base}/auth/token`)).json()) as { accessToken: string };
    const key = sessionKeyOf(SESSION_SECRET);
    const now = Date.now();
    const sealed = {
      valid: await sealSession({ user: CLERK, accessToken, expiresAt: now + 600_000 }, key, now),
      expired: await sealSession({ user: CLERK, accessToken, expiresAt: now - 1000 }, key, now - 60_000),
      idle: await sealSession({ user: CLERK, accessToken, expiresAt: now + 600_000 }, key, now - 31 * 60_000),
    };
    const signedIn = async (value: string) =>
      (
        (await (await fetch(`${base}/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${value}` } })).json()) as {
          signedIn: boolean;
        }
      ).signedIn;
    expect(await signedIn(sealed.valid)).toBe(true);
    expect(await signedIn(sealed.expired)).toBe(false);
    expect(await signedIn(sealed.idle)).toBe(false);
    // A request renews the idle clock: a session last used two minutes ago gets a fresh cookie.
    const used = await fetch(`${base}/auth/session`, {
      headers: {
        cookie: `${SESSION_COOKIE}=${await sealSession({ user: CLERK, accessToken, expiresAt: now + 600_000 }, key, now - 120_000)}`,
      },
    });
    expect(used.headers.getSetCookie().join('\n')).toMatch(
      new RegExp(`${SESSION_COOKIE}=[\\w.-]{100,}; Max-Age=(59\\d|600);`),
    );
  });

  it('refuses open redirects: a return that leaves the site ends at /hall', async () => {
    const browser = new CookieBrowser();
    await signIn(browser);
    for (const target of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      // Signed in at the provider already: straight back to the callback, whose redirect is the test.
      const hops = await browser.navigate(`${base}/auth/login?return=${encodeURIComponent(target)}`);
      const callback = hops.find((hop) => hop.url.startsWith(`${base}/auth/callback`));
      expect(callback?.location).toBe('/hall');
      // Past the request itself, no hop goes near it.
      expect(hops.slice(1).some((hop) => hop.url.includes('evil') || (hop.location ?? '').includes('evil'))).toBe(
        false,
      );
    }
    const kept = (
      await browser.navigate(`${base}/auth/login?return=${encodeURIComponent('/hall?uscc=91320508MA1X')}`)
    ).find((hop) => hop.url.startsWith(`${base}/auth/callback`));
    expect(kept?.location).toBe('/hall?uscc=91320508MA1X');
  });

  it('refuses a callback without a sign-in of this browser, and a page call without the CSRF header or JSON', async () => {
    // 取消 on the provider's page: back at the hall, not signed in, with a way to try again.
    const cancelling = new CookieBrowser();
    const login = await page(await cancelling.navigate(`${base}/auth/login?return=/hall`));
    const cancelled = await page(await cancelling.submitForm(login, '/abort'));
    expect(cancelled.url.startsWith(`${base}/auth/callback?error=access_denied`)).toBe(true);
    expect(cancelled.status).toBe(401);
    expect(cancelled.html).toContain('已取消登录');
    expect(await session(cancelling)).toMatchObject({ signedIn: false });
    const stranger = new CookieBrowser();
    const response = await stranger.request(`${base}/auth/callback?code=abc&state=def`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('重新登录');
    const noHeader = await fetch(`${base}/hall/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'CSRF_CHECK_FAILED',
    );
    const form = await fetch(`${base}/hall/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-hall-request': '1' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(415);
    const tooLarge = await fetch(`${base}/hall/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hall-request': '1' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(70_000)}` }),
    });
    expect(tooLarge.status).toBe(413);
  });

  it('measures sign-in: GET /auth/login to a signed-in /auth/session (p50 of 20)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const browser = new CookieBrowser();
      const started = performance.now();
      await signIn(browser, i % 2 === 0 ? CLERK.sub : 'dev-department-officer');
      expect((await session(browser)).signedIn).toBe(true);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)];
    process.stdout.write(
      `sign-in (GET /auth/login → signed-in /auth/session): p50 ${p50.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over ${times.length}\n`,
    );
    expect(p50).toBeLessThan(2000);
  });
});

describe('the development identity provider', () => {
  it('grants authorization codes with PKCE S256 only', async () => {
    const authorize = (params: Record<string, string>) => {
      const url = new URL(`${own.system.devIdentityUrl}/auth`);
      const all = {
        client_id: 'gusu-hall',
        redirect_uri: `${base}/auth/callback`,
        scope: 'openid',
        state: 'st-0123456789',
        ...params,
      };
      for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
      return fetch(url, { redirect: 'manual' });
    };
    const refusal = async (params: Record<string, string>) =>
      new URL((await authorize(params)).headers.get('location') ?? 'http://x/').searchParams.get('error');
    expect(await refusal({ response_type: 'code' })).toBe('invalid_request');
    expect(
      await refusal({ response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }),
    ).toBe('invalid_request');
    // The implicit flow's error goes in the fragment (or a page): either way, no token and no code.
    const implicit = await authorize({ response_type: 'token' });
    const where = implicit.headers.get('location') ?? '';
    expect(implicit.status === 400 || /[#&]error=unsupported_response_type/.test(where)).toBe(true);
    expect(where).not.toMatch(/access_token|code=/);
    // A redirect URI that is not the hall's loopback callback is not redirected to at all.
    const elsewhere = await authorize({ response_type: 'code', redirect_uri: 'https://evil.example/auth/callback' });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('redirect_uri');
  });

  it('refuses to start with NODE_ENV=production', async () => {
    const child = spawn(process.execPath, [join(DIST, 'dev-identity', 'index.js')], {
      env: { ...process.env, NODE_ENV: 'production', DEV_IDP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/refuses to run with NODE_ENV=production/);
  });
});
