import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../shared/auth/internal-token';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { SUBGRAPH_NAMES } from '../../shared/config/services';
import { servicePort } from '../support/gateway';

/** Nobody reaches the data by calling a subgraph directly: only a token the gateway signed for that subgraph opens it. */
const PROBE = '{ _service { sdl } }';
/** The gateway's own signing key, which the test setup shares with the tests so they can sign as the gateway would. */
const key = (): KeyObject => createPrivateKey(process.env.GUSU_INTERNAL_PRIVATE_KEY ?? '');

async function callSubgraph(name: string, query: string, token?: string) {
  const response = await fetch(`http://127.0.0.1:${servicePort(name)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [INTERNAL_TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
    },
  };
}

function expectRefused(result: Awaited<ReturnType<typeof callSubgraph>>): void {
  expect(result.status).toBe(401);
  expect(result.body.data ?? null).toBeNull();
  expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

const creditOffice: Principal = {
  sub: 'x',
  name: 'x',
  org: 'gusu.xyb',
  roles: ['credit_office'],
  scopes: ['credit:read', 'credit:pii'],
  authenticated: true,
};

describe('gateway → subgraph trust', () => {
  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s refuses a request without a token', async (name) => {
    expectRefused(await callSubgraph(name, PROBE));
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s refuses a forged token', async (name) => {
    expectRefused(
      await callSubgraph(
        name,
        PROBE,
        await signInternalToken(creditOffice, name, generateKeyPairSync('ed25519').privateKey),
      ),
    );
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))(
    '%s refuses a token signed with what a subgraph holds (the public key as an HS256 secret)',
    async (name) => {
      const publicKey = new TextEncoder().encode(process.env.GUSU_INTERNAL_PUBLIC_KEY);
      const confused = await new SignJWT({
        roles: ['credit_office'],
        scopes: ['credit:read', 'audit:write'],
        authenticated: true,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('gusu-credit-gateway')
        .setIssuer('gusu-credit-gateway')
        .setAudience(name)
        .setIssuedAt()
        .setExpirationTime('60s')
        .sign(publicKey);
      expectRefused(await callSubgraph(name, PROBE, confused));
    },
  );

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s refuses an expired token', async (name) => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const expired = await new SignJWT({ roles: ['credit_office'], scopes: ['credit:read'], authenticated: true })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setIssuer('gusu-credit-gateway')
      .setAudience(name)
      .setIssuedAt(past - 60)
      .setExpirationTime(past)
      .sign(key());
    expectRefused(await callSubgraph(name, PROBE, expired));
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s refuses a token addressed to another subgraph', async (name) => {
    const other = SUBGRAPH_NAMES.find((n) => n !== name)!;
    expectRefused(await callSubgraph(name, PROBE, await signInternalToken(creditOffice, other, key())));
  });

  it('answers a token the gateway would sign, and keeps /health open', async () => {
    const result = await callSubgraph('subjects', PROBE, await signInternalToken(PUBLIC_PRINCIPAL, 'subjects', key()));
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect((await fetch(`http://127.0.0.1:${servicePort('subjects')}/health/ready`)).status).toBe(200);
  });

  it('enforces the declared rules itself, so a misconfigured gateway leaks nothing', async () => {
    const token = await signInternalToken(PUBLIC_PRINCIPAL, 'subjects', key());
    const result = await callSubgraph(
      'subjects',
      '{ subjects(first: 3) { nodes { name registeredAddress legalRepresentative { name } } } }',
      token,
    );
    const nodes = (
      result.body.data as {
        subjects: { nodes: { name: string; registeredAddress: string | null; legalRepresentative: unknown }[] };
      }
    ).subjects.nodes;
    expect(
      nodes.every((n) => n.name.length > 0 && n.registeredAddress === null && n.legalRepresentative === null),
    ).toBe(true);
    const codes = new Set(result.body.errors?.map((e) => e.extensions?.code));
    expect([...codes]).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    expect(result.body.errors).toHaveLength(6);
    const screen = await callSubgraph(
      'sanctions',
      '{ screen(usccs: ["9144030071526726XG"], scenario: BIDDING) { verdict } }',
      await signInternalToken(PUBLIC_PRINCIPAL, 'sanctions', key()),
    );
    expect(screen.body.data).toEqual({ screen: null });
    expect(screen.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});
