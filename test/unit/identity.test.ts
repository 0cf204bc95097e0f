import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { signDevToken } from '../../gateway/auth/dev-token';
import { createAuthenticator } from '../../gateway/auth/identity';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

/** Production keys: a PEM public key file (RS256) and a JWKS endpoint (ES256). */
function sign(
  key: KeyLike,
  alg: string,
  claims: Record<string, unknown> = { roles: ['hall'], org: 'gusu.xzspj' },
  kid?: string,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('T-01')
    .setIssuer('https://idp.gusu')
    .setExpirationTime('5m')
    .sign(key);
}

describe('identity with production keys', () => {
  it('verifies RS256 tokens against a public key file, and checks the issuer', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const path = join(mkdtempSync(join(tmpdir(), 'gusu-')), 'idp.pem');
    writeFileSync(path, await exportSPKI(publicKey));
    const authenticate = createAuthenticator({
      keys: { asymmetric: { kind: 'public-key-file', path } },
      issuer: 'https://idp.gusu',
    });
    const principal = await authenticate(`Bearer ${await sign(privateKey, 'RS256')}`);
    expect(principal).toMatchObject({ sub: 'T-01', org: 'gusu.xzspj', roles: ['hall'], authenticated: true });
    expect(principal.scopes).toEqual(expect.arrayContaining(['credit:read', 'credit:screen']));
    expect(await authenticate(undefined)).toBe(PUBLIC_PRINCIPAL);

    const other = await generateKeyPair('RS256');
    await expect(authenticate(`Bearer ${await sign(other.privateKey, 'RS256')}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const wrongIssuer = await new SignJWT({ roles: ['hall'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('x')
      .setIssuer('https://evil')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(authenticate(`Bearer ${wrongIssuer}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });

  describe('with a JWKS endpoint', () => {
    let server: Server;
    let url: string;
    let privateKey: KeyLike;

    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });

    afterAll(() => server.close());

    it('verifies ES256 tokens by key id and refuses HS256 ones', async () => {
      const authenticate = createAuthenticator({ keys: { asymmetric: { kind: 'jwks', url } } });
      expect(
        (await authenticate(`Bearer ${await sign(privateKey, 'ES256', { roles: ['credit_office'] }, 'k1')}`)).scopes,
      ).toContain('credit:pii');
      const hs = await new SignJWT({ roles: ['credit_office'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('s'.repeat(32)));
      await expect(authenticate(`Bearer ${hs}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe('with a JWKS endpoint and the development secret together', () => {
    const secret = 'd'.repeat(32);
    let server: Server;
    let url: string;
    let privateKey: KeyLike;
    let publicPem: string;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      publicPem = await exportSPKI(pair.publicKey);
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    afterAll(() => server.close());

    const providerToken = (
      claims: Record<string, unknown>,
      issuer = 'https://idp.gusu',
      audience = 'urn:gusu:credit-gateway',
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setSubject('clerk-7')
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const both = () =>
      createAuthenticator({
        keys: { asymmetric: { kind: 'jwks', url }, devSecret: secret },
        issuer: 'https://idp.gusu',
        audience: 'urn:gusu:credit-gateway',
      });
    const refused = { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } };

    it('marks a sign-in client’s user token MANUAL and every other token INTERFACE (the channel, §6)', async () => {
      const authenticate = createAuthenticator({
        keys: { asymmetric: { kind: 'jwks', url }, devSecret: secret },
        issuer: 'https://idp.gusu',
        audience: 'urn:gusu:credit-gateway',
        sessionClients: ['gusu-hall'],
      });
      const claims = { org: 'gusu.xzspj', roles: ['hall'] };
      const person = await providerToken({ ...claims, client_id: 'gusu-hall' });
      const system = await providerToken({ ...claims, client_id: 'xzspj-terminal' });
      const dev = await signDevToken(secret, { sub: 'clerk-7', roles: ['hall'], org: 'gusu.xzspj', ttl: '5m' });
      expect((await authenticate(`Bearer ${person}`)).channel).toBe('MANUAL');
      expect((await authenticate(`Bearer ${system}`)).channel).toBe('INTERFACE');
      expect((await authenticate(`Bearer ${dev}`)).channel).toBe('INTERFACE');
      expect((await authenticate(undefined)).channel).toBeUndefined();
    });

    it('accepts the provider’s tokens and development tokens, each by its own key', async () => {
      const authenticate = both();
      expect(
        await authenticate(`Bearer ${await providerToken({ name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'] })}`),
      ).toMatchObject({ sub: 'clerk-7', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'] });
      // `npm run token`: HS256, no iss or aud — the issuer and audience checks are the provider's.
      const dev = await signDevToken(secret, { sub: 'terminal-1', roles: ['analyst'], ttl: '5m' });
      expect(await authenticate(`Bearer ${dev}`)).toMatchObject({
        sub: 'terminal-1',
        roles: ['analyst'],
        authenticated: true,
      });
      // The lifetime and claim checks hold for both kinds.
      const long = await signDevToken(secret, { sub: 'terminal-1', roles: ['analyst'], ttl: '13h' });
      await expect(authenticate(`Bearer ${long}`)).rejects.toMatchObject(refused);
      const badOrg = await providerToken({ org: 'GUSU XZSPJ', roles: ['hall'] });
      await expect(authenticate(`Bearer ${badOrg}`)).rejects.toMatchObject(refused);
    });

    it('refuses a provider token from another issuer or for another audience', async () => {
      const authenticate = both();
      await expect(
        authenticate(`Bearer ${await providerToken({ roles: ['hall'] }, 'https://evil.example')}`),
      ).rejects.toMatchObject(refused);
      await expect(
        authenticate(`Bearer ${await providerToken({ roles: ['hall'] }, 'https://idp.gusu', 'urn:other-api')}`),
      ).rejects.toMatchObject(refused);
    });

    it('refuses forged algorithms: HS256 keyed with the public key, none, and a development secret that is not configured', async () => {
      const authenticate = both();
      // Algorithm confusion: an HMAC whose "secret" is the provider's public key (PEM and JWK are public).
      const confused = await new SignJWT({ roles: ['credit_office'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'idp-1' })
        .setSubject('x')
        .setIssuer('https://idp.gusu')
        .setAudience('urn:gusu:credit-gateway')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(publicPem));
      await expect(authenticate(`Bearer ${confused}`)).rejects.toMatchObject(refused);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['credit_office'], exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.`;
      await expect(authenticate(`Bearer ${unsigned}`)).rejects.toMatchObject(refused);
      // An RS256 header on an HMAC signature: tried against the JWKS only, and fails there.
      const relabelled = (await signDevToken(secret, { sub: 'x', roles: ['credit_office'], ttl: '5m' })).split('.');
      relabelled[0] = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'idp-1' })).toString('base64url');
      await expect(authenticate(`Bearer ${relabelled.join('.')}`)).rejects.toMatchObject(refused);
      // Without AUTH_JWT_SECRET a development token is refused, even a well-signed one.
      const providerOnly = createAuthenticator({
        keys: { asymmetric: { kind: 'jwks', url } },
        issuer: 'https://idp.gusu',
      });
      await expect(
        providerOnly(`Bearer ${await signDevToken(secret, { sub: 'x', roles: ['hall'], ttl: '5m' })}`),
      ).rejects.toMatchObject(refused);
      // And with only the secret, a provider token is refused.
      const devOnly = createAuthenticator({ keys: { devSecret: secret } });
      await expect(devOnly(`Bearer ${await providerToken({ roles: ['hall'] })}`)).rejects.toMatchObject(refused);
    });
  });
});
