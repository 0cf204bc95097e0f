import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { createAuthenticator } from '../../gateway/auth/identity';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

/** Production keys: a PEM public key file (RS256) and a JWKS endpoint (ES256). */
function sign(key: KeyLike, alg: string, claims: Record<string, unknown> = { roles: ['hall'], org: 'gusu.xzspj' }, kid?: string) {
  return new SignJWT(claims).setProtectedHeader({ alg, ...(kid ? { kid } : {}) }).setSubject('T-01').setIssuer('https://idp.gusu').setExpirationTime('5m').sign(key);
}

describe('identity with production keys', () => {
  it('verifies RS256 tokens against a public key file, and checks the issuer', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const path = join(mkdtempSync(join(tmpdir(), 'gusu-')), 'idp.pem');
    writeFileSync(path, await exportSPKI(publicKey));
    const authenticate = createAuthenticator({ keys: { kind: 'public-key-file', path }, issuer: 'https://idp.gusu' });
    const principal = await authenticate(`Bearer ${await sign(privateKey, 'RS256')}`);
    expect(principal).toMatchObject({ sub: 'T-01', org: 'gusu.xzspj', roles: ['hall'], authenticated: true });
    expect(principal.scopes).toEqual(expect.arrayContaining(['credit:read', 'credit:screen']));
    expect(await authenticate(undefined)).toBe(PUBLIC_PRINCIPAL);

    const other = await generateKeyPair('RS256');
    await expect(authenticate(`Bearer ${await sign(other.privateKey, 'RS256')}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const wrongIssuer = await new SignJWT({ roles: ['hall'] }).setProtectedHeader({ alg: 'RS256' }).setSubject('x').setIssuer('https://evil').setExpirationTime('5m').sign(privateKey);
    await expect(authenticate(`Bearer ${wrongIssuer}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
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
      const authenticate = createAuthenticator({ keys: { kind: 'jwks', url } });
      expect((await authenticate(`Bearer ${await sign(privateKey, 'ES256', { roles: ['credit_office'] }, 'k1')}`)).scopes).toContain('credit:pii');
      const hs = await new SignJWT({ roles: ['credit_office'] }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setSubject('x').setExpirationTime('5m').sign(new TextEncoder().encode('s'.repeat(32)));
      await expect(authenticate(`Bearer ${hs}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });
  });
});
