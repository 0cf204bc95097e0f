import { SignJWT, UnsecuredJWT } from 'jose';
import { graphql } from '../support/gateway';
import { tokenFor } from '../support/tokens';

/** A bad token is UNAUTHENTICATED (HTTP 401) and gets no data — never a silent downgrade to public. */
const QUERY = '{ departments { code } }';

async function expectUnauthenticated(authorization: string, message: RegExp): Promise<void> {
  const result = await graphql(QUERY, {}, { authorization });
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.errors?.[0]?.message).toMatch(message);
}

function secret(): Uint8Array {
  return new TextEncoder().encode(process.env.GUSU_JWT_SECRET);
}

describe('identity at the gateway', () => {
  it('treats no token as the public, and a valid one as its roles', async () => {
    expect((await graphql(QUERY)).status).toBe(200);
    const result = await graphql(QUERY, {}, { authorization: `Bearer ${await tokenFor('hall')}` });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  it('rejects a malformed header or token', async () => {
    await expectUnauthenticated('Basic dXNlcjpwYXNz', /Bearer/);
    await expectUnauthenticated('Bearer', /Bearer/);
    await expectUnauthenticated('Bearer not.a.jwt', /invalid token/);
  });

  it('rejects a forged token (another secret) and an unsigned one', async () => {
    const forged = await new SignJWT({ roles: ['credit_office'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('x'.repeat(64)));
    await expectUnauthenticated(`Bearer ${forged}`, /invalid token/);
    const unsigned = new UnsecuredJWT({ roles: ['credit_office'] })
      .setSubject('intruder')
      .setExpirationTime('10m')
      .encode();
    await expectUnauthenticated(`Bearer ${unsigned}`, /invalid token/);
  });

  it('rejects an expired token and one without an expiry', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await new SignJWT({ roles: ['hall'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('T-01')
      .setIssuedAt(past - 60)
      .setExpirationTime(past)
      .sign(secret());
    await expectUnauthenticated(`Bearer ${expired}`, /expired/);
    const endless = await new SignJWT({ roles: ['hall'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('T-01')
      .sign(secret());
    await expectUnauthenticated(`Bearer ${endless}`, /invalid token/);
  });

  it('rejects a token with a wrong algorithm or malformed claims', async () => {
    const noRoles = await new SignJWT({ roles: 'hall' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('T-01')
      .setExpirationTime('5m')
      .sign(secret());
    await expectUnauthenticated(`Bearer ${noRoles}`, /roles/);
    const hs512 = await new SignJWT({ roles: ['hall'] })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('T-01')
      .setExpirationTime('5m')
      .sign(secret());
    await expectUnauthenticated(`Bearer ${hs512}`, /invalid token/);
  });
});
