import { SignJWT, UnsecuredJWT } from 'jose';
import { loadDevIdentityConfig } from '../../dev-identity/config';
import { DEMO_USERS } from '../../dev-identity/users';
import { loadSignInConfig } from '../../hall/auth/config';
import { openLoginState, sealLoginState } from '../../hall/auth/login-state';
import { safeReturnPath } from '../../hall/auth/return-path';
import { openSession, sealSession, Session } from '../../hall/auth/session';
import { SignInRefused, userOfAccessToken } from '../../hall/auth/token-user';
import { loadHallConfig } from '../../hall/config';
import { ROLES_WITH_ORG } from '../../shared/auth/policy';
import { DEPARTMENTS } from '../../shared/demo/generator';

const key = new Uint8Array(32).fill(7);
const production = {
  NODE_ENV: 'production',
  OIDC_ISSUER: 'https://idp.gusu.gov.cn/realms/gusu',
  OIDC_CLIENT_ID: 'gusu-hall',
  PUBLIC_URL: 'https://credit.gusu.gov.cn',
  HALL_SESSION_SECRET: 's'.repeat(40),
};

describe('hall sign-in configuration', () => {
  it('needs the provider, the public https address and a session secret in production; /auth/token is off there', () => {
    const config = loadHallConfig(production);
    expect(config.development).toBe(false);
    expect(config.signIn).toMatchObject({
      issuer: production.OIDC_ISSUER,
      clientId: 'gusu-hall',
      clientSecret: null,
      resource: 'urn:gusu:credit-gateway',
      publicUrl: production.PUBLIC_URL,
      idleSeconds: 1800,
      allowInsecureIssuer: false,
    });
    for (const missing of ['OIDC_ISSUER', 'PUBLIC_URL', 'HALL_SESSION_SECRET']) {
      expect(() => loadHallConfig({ ...production, [missing]: '' })).toThrow(new RegExp(missing));
    }
    expect(() => loadHallConfig({ ...production, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadHallConfig({ ...production, OIDC_ISSUER: 'http://idp.gusu.gov.cn' })).toThrow(/https/);
    expect(() => loadHallConfig({ ...production, PUBLIC_URL: 'http://credit.gusu.gov.cn' })).toThrow(/https/);
    expect(() => loadHallConfig({ ...production, HALL_SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    // Production ignores HALL_DEVELOPMENT: the token hand-over cannot be switched on there.
    expect(loadHallConfig({ ...production, HALL_DEVELOPMENT: 'true' }).development).toBe(false);
  });

  it('runs without a provider in development, with a fresh session key per start', () => {
    const first = loadSignInConfig({}, false);
    expect(first).toMatchObject({ issuer: null, publicUrl: null, allowInsecureIssuer: true });
    expect(first.sessionKey).toHaveLength(32);
    expect(Buffer.from(loadSignInConfig({}, false).sessionKey).equals(Buffer.from(first.sessionKey))).toBe(false);
    expect(loadHallConfig({}).development).toBe(true);
    expect(
      loadSignInConfig({ OIDC_ISSUER: 'http://localhost:4007', OIDC_CLIENT_ID: 'gusu-hall', OIDC_RESOURCE: '' }, false),
    ).toMatchObject({ issuer: 'http://localhost:4007', resource: null });
  });
});

describe('the return path after sign-in', () => {
  it('keeps paths of this site and turns everything else into /hall', () => {
    expect(safeReturnPath('/hall')).toBe('/hall');
    expect(safeReturnPath('/hall?uscc=91320508MA1X&scenario=BIDDING#verdict')).toBe(
      '/hall?uscc=91320508MA1X&scenario=BIDDING#verdict',
    );
    expect(safeReturnPath('/graphiql')).toBe('/graphiql');
    for (const bad of [
      'https://evil.example',
      '//evil.example/hall',
      '/\\evil.example',
      '\\\\evil',
      'javascript:alert(1)',
      'hall',
      '/hall\r\nSet-Cookie: x=1',
      '/auth/logout',
      '/auth/login?return=/hall',
      '',
      `/${'a'.repeat(600)}`,
      undefined,
      ['/hall'],
    ]) {
      expect(safeReturnPath(bad)).toBe('/hall');
    }
  });
});

describe('the session cookie', () => {
  const now = Date.UTC(2026, 11, 2, 5, 0, 0);
  const session: Session = {
    user: { sub: 'dev-hall-clerk', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'] },
    accessToken: 'header.payload.signature',
    expiresAt: now + 3600_000,
  };

  it('opens what it sealed, and hides the token and the user', async () => {
    const sealed = await sealSession(session, key, now);
    expect(sealed).not.toContain('payload');
    expect(Buffer.from(sealed.split('.')[3], 'base64url').toString('latin1')).not.toMatch(/陈|dev-hall|xzspj/);
    expect(await openSession(sealed, key, 1800, now + 60_000)).toEqual({
      session: { ...session, expiresAt: Math.floor(session.expiresAt / 1000) * 1000 },
      lastSeen: now / 1000,
    });
  });

  it('is not signed in when altered, sealed with another key, expired with its token, or idle past the limit', async () => {
    const sealed = await sealSession(session, key, now);
    const parts = sealed.split('.');
    parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
    expect(await openSession(parts.join('.'), key, 1800, now)).toBeNull();
    expect(await openSession(sealed, new Uint8Array(32).fill(8), 1800, now)).toBeNull();
    expect(await openSession(sealed, key, 7200, now + 3600_000)).toBeNull();
    expect(await openSession(sealed, key, 1800, now + 1801_000)).toBeNull();
    expect(await openSession('x'.repeat(5000), key, 1800, now)).toBeNull();
    expect(await openSession(undefined, key, 1800, now)).toBeNull();
  });

  it('carries the sign-in state from /auth/login to /auth/callback, sealed the same way', async () => {
    const login = {
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      redirectUri: 'http://localhost:4000/auth/callback',
      returnTo: '/hall',
    };
    expect(await openLoginState(await sealLoginState(login, key), key)).toEqual(login);
    expect(await openLoginState(await sealLoginState(login, key), new Uint8Array(32))).toBeNull();
  });
});

describe('the user of an access token', () => {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const token = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode();

  it('is what the gateway will see: sub, name, org, roles, and the expiry the session ends with', () => {
    expect(
      userOfAccessToken(token({ sub: 'u1', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'], exp }), 'u1'),
    ).toEqual({ user: { sub: 'u1', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'] }, expiresAt: exp * 1000 });
    expect(userOfAccessToken(token({ sub: 'u1', roles: ['analyst'], exp }), 'u1').user).toEqual({
      sub: 'u1',
      name: 'u1',
      org: null,
      roles: ['analyst'],
    });
  });

  it('refuses an opaque token, another subject than the ID token’s, no roles, or no expiry', async () => {
    expect(() => userOfAccessToken('opaque-token', 'u1')).toThrow(SignInRefused);
    expect(() => userOfAccessToken(token({ sub: 'u2', roles: ['hall'], exp }), 'u1')).toThrow(/another subject/);
    expect(() => userOfAccessToken(token({ sub: 'u1', roles: 'hall', exp }), 'u1')).toThrow(/roles/);
    expect(() => userOfAccessToken(token({ sub: 'u1', roles: ['hall'] }), 'u1')).toThrow(/expiry/);
    const signed = await new SignJWT({ roles: ['hall'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime(exp)
      .sign(key);
    expect(userOfAccessToken(signed, 'u1').user.roles).toEqual(['hall']);
  });
});

describe('the development identity provider', () => {
  it('refuses NODE_ENV=production, and a token lifetime past the gateway’s AUTH_MAX_TOKEN_AGE', () => {
    expect(() => loadDevIdentityConfig({ NODE_ENV: 'production' })).toThrow(/refuses to run with NODE_ENV=production/);
    expect(() => loadDevIdentityConfig({ DEV_IDP_TOKEN_TTL: '2h', AUTH_MAX_TOKEN_AGE: '1h' })).toThrow(
      /AUTH_MAX_TOKEN_AGE/,
    );
    expect(() => loadDevIdentityConfig({ DEV_IDP_HOST: '0.0.0.0' })).toThrow(/loopback/);
    expect(loadDevIdentityConfig({})).toMatchObject({
      port: 4007,
      host: '127.0.0.1',
      issuer: null,
      clientId: 'gusu-hall',
      clientSecret: null,
      resource: 'urn:gusu:credit-gateway',
      accessTokenTtlSeconds: 3600,
    });
  });

  it('has a demo user of each people-facing role, each in a department of the demo directory', () => {
    expect(DEMO_USERS.flatMap((user) => user.roles).sort()).toEqual(['analyst', 'credit_office', 'department', 'hall']);
    const codes = new Set(DEPARTMENTS.map((d) => d.code));
    for (const user of DEMO_USERS) {
      expect(codes.has(user.org)).toBe(true);
      expect(user.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
    expect(DEMO_USERS.filter((user) => user.roles.some((role) => ROLES_WITH_ORG.includes(role))).length).toBe(3);
  });
});
